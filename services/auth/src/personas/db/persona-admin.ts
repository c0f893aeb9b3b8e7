import type { PersonaProfile } from '@mana/contracts';
import { type Database, personas, sessions, users } from '@mana/db';
import { and, eq, isNull } from 'drizzle-orm';

/**
 * Writes the persona profile of an account and reports whether anything differed.
 * The account is marked `kind = persona` and, if it had been deleted, restored.
 */
export async function upsertPersonaProfile(
  db: Database,
  userId: string,
  profile: PersonaProfile,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ kind: users.kind, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, userId));
    let changed = false;
    if (user && (user.kind !== 'persona' || user.deletedAt)) {
      await tx.update(users).set({ kind: 'persona', deletedAt: null }).where(eq(users.id, userId));
      changed = true;
    }
    const [existing] = await tx.select().from(personas).where(eq(personas.userId, userId));
    if (!existing) {
      await tx.insert(personas).values({ userId, ...profile });
      return { changed: true };
    }
    const same =
      existing.archetype === profile.archetype &&
      existing.systemPrompt === profile.systemPrompt &&
      existing.tickCadence === profile.tickCadence &&
      existing.locale === profile.locale &&
      existing.timezone === profile.timezone &&
      sameJson(existing.moduleMix, profile.moduleMix) &&
      sameJson(existing.traits, profile.traits);
    if (!same) {
      await tx.update(personas).set(profile).where(eq(personas.userId, userId));
      changed = true;
    }
    return { changed };
  });
}

/**
 * Soft-deletes a persona: the account can no longer sign in (its sessions are gone) and
 * is never due again, while its actions, ratings and ticks stay for the operators.
 * Returns false when the id is not a live persona.
 */
export async function softDeletePersona(db: Database, userId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ deletedAt: now })
      .where(and(eq(users.id, userId), eq(users.kind, 'persona'), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    return true;
  });
}

/** Whether a persona row exists for this id (deleted or not). */
export async function personaExists(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: personas.userId })
    .from(personas)
    .where(eq(personas.userId, userId));
  return Boolean(row);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
