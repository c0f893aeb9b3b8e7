import { listPersonaSummaries, personaDetail } from '@mana/analytics';
import { personaUpsertSchema } from '@mana/contracts';
import { accounts, type Database, users } from '@mana/db';
import { validBody, validQuery } from '@mana/http';
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { fail } from '../../errors';
import type { Auth } from '../../identity/auth';
import { ensurePersonalSpace, listUserSpaces } from '../../identity/db/spaces';
import type { AppEnv } from '../../middleware/principal';
import { softDeletePersona, upsertPersonaProfile } from '../db/persona-admin';

const listQuery = z.object({
  includeDeleted: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/**
 * Persona administration: upsert by email (new accounts sign up through Better Auth
 * like anyone else), list with activity and true rating means, detail, soft delete.
 */
export function adminPersonaRoutes(deps: { db: Database; auth: Auth; clock: () => Date }) {
  const { db, auth, clock } = deps;
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { password, email, name, ...profile } = await validBody(c, personaUpsertSchema);
      const [existing] = await db
        .select({ id: users.id, name: users.name, kind: users.kind })
        .from(users)
        .where(eq(users.email, email));

      let userId: string;
      let created = false;
      let changed = false;
      if (!existing) {
        const signedUp = await auth.api.signUpEmail({ body: { email, password, name } });
        userId = signedUp.user.id;
        created = true;
      } else {
        if (existing.kind !== 'persona') {
          throw fail(
            'CONFLICT',
            `${email} belongs to a ${existing.kind} account; only persona accounts can be upserted`,
          );
        }
        userId = existing.id;
        if (existing.name !== name) {
          await db.update(users).set({ name }).where(eq(users.id, userId));
          changed = true;
        }
        if (await resetPasswordIfDifferent(auth, db, userId, password)) changed = true;
      }
      await ensurePersonalSpace(db, { id: userId, name });
      const profileResult = await upsertPersonaProfile(db, userId, profile);
      changed = changed || profileResult.changed;
      return c.json(
        { persona: { userId, email }, created, changed: created || changed },
        created ? 201 : 200,
      );
    })
    .get('/', async (c) => {
      const { includeDeleted } = validQuery(c, listQuery);
      const personas = await listPersonaSummaries(db, clock(), { includeDeleted });
      return c.json({ personas });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const detail = await personaDetail(db, id, clock());
      if (!detail) throw fail('PERSONA_NOT_FOUND');
      const { moduleRatings, ...rest } = detail;
      return c.json({
        ...rest,
        spaces: await listUserSpaces(db, id),
        moduleRatings: moduleRatings.map((m) => ({
          module: m.module,
          avgRating: m.mean,
          ratingsCount: m.count,
        })),
      });
    })
    .delete('/:id', async (c) => {
      const deleted = await softDeletePersona(db, c.req.param('id'), clock());
      if (!deleted) throw fail('PERSONA_NOT_FOUND');
      return c.json({ deleted: true });
    });
}

/**
 * Keeps a persona's password equal to its derived one: if the seed secret changed, the
 * stored hash no longer matches and the runner could never sign in again.
 */
async function resetPasswordIfDifferent(
  auth: Auth,
  db: Database,
  userId: string,
  password: string,
): Promise<boolean> {
  const [account] = await db
    .select({ id: accounts.id, hash: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, 'credential')));
  const ctx = await auth.$context;
  if (account?.hash && (await ctx.password.verify({ hash: account.hash, password }))) return false;
  const hash = await ctx.password.hash(password);
  if (account) {
    await db.update(accounts).set({ password: hash }).where(eq(accounts.id, account.id));
  } else {
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: hash,
    });
  }
  return true;
}
