import { randomUUID } from 'node:crypto';
import type { PersonaProfile } from '@mana/contracts';
import { accounts, type Database, users } from '@mana/db';
import { and, eq } from 'drizzle-orm';
import type { Auth } from '../../identity/auth';
import { ensurePersonalSpace } from '../../identity/db/spaces';
import { upsertPersonaProfile } from './persona-admin';

/** What `POST /api/v1/admin/personas` asks for: the account and the profile. */
export interface PersonaAccountInput {
  email: string;
  name: string;
  /** Absent: a new account gets no password, a known one keeps its own. */
  password?: string | undefined;
  profile: PersonaProfile;
}

/** Raised when the email belongs to a human or system account. */
export class NotAPersonaError extends Error {
  constructor(
    readonly email: string,
    readonly kind: string,
  ) {
    super(`${email} belongs to a ${kind} account; only persona accounts can be upserted`);
    this.name = 'NotAPersonaError';
  }
}

/**
 * Creates or updates a persona's account, credential, personal space, membership and
 * profile in one transaction: a failure anywhere leaves nothing behind (no account that
 * can sign in without a profile, no email refused for good). The password is hashed
 * with Better Auth's own hasher before the transaction opens (hashing is slow; a
 * transaction should not wait on it), so the account signs in like any other. Without a
 * password nothing is hashed: a new account has no credential (the runner opens it with
 * a service-key token) and a known one keeps its own.
 */
export async function upsertPersonaAccount(
  db: Database,
  auth: Auth,
  input: PersonaAccountInput,
): Promise<{ userId: string; created: boolean; changed: boolean }> {
  const { email, name, password, profile } = input;
  const hash = password === undefined ? undefined : await newHash(db, auth, email, password);

  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, name: users.name, kind: users.kind })
      .from(users)
      .where(eq(users.email, email))
      .for('update');
    let userId: string;
    let created = false;
    let changed = false;
    if (!existing) {
      userId = randomUUID();
      await tx.insert(users).values({ id: userId, email, name, kind: 'persona' });
      created = true;
    } else {
      if (existing.kind !== 'persona') throw new NotAPersonaError(email, existing.kind);
      userId = existing.id;
      if (existing.name !== name) {
        await tx.update(users).set({ name }).where(eq(users.id, userId));
        changed = true;
      }
    }
    if (hash !== undefined) {
      const updated = await tx
        .update(accounts)
        .set({ password: hash })
        .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')))
        .returning({ id: accounts.id });
      if (updated.length === 0) {
        await tx.insert(accounts).values({
          id: randomUUID(),
          userId,
          accountId: userId,
          providerId: 'credential',
          password: hash,
        });
      }
      changed = true;
    }
    await ensurePersonalSpace(tx, { id: userId, name });
    const profileResult = await upsertPersonaProfile(tx, userId, profile);
    return { userId, created, changed: created || changed || profileResult.changed };
  });
}

/**
 * The hash to store for `password`: undefined when the known account's stored hash
 * already matches it (it keeps that one), a new hash otherwise.
 */
async function newHash(
  db: Database,
  auth: Auth,
  email: string,
  password: string,
): Promise<string | undefined> {
  const ctx = await auth.$context;
  const [known] = await db
    .select({ hash: accounts.password })
    .from(users)
    .innerJoin(accounts, and(eq(accounts.userId, users.id), eq(accounts.providerId, 'credential')))
    .where(eq(users.email, email));
  if (known?.hash && (await ctx.password.verify({ hash: known.hash, password }))) return undefined;
  return ctx.password.hash(password);
}
