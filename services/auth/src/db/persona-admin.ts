import { listPersonaSummaries, type PersonaSummary } from '@mana/analytics';
import type { PersonaProfile } from '@mana/contracts';
import {
  type Database,
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
  sessions,
  users,
} from '@mana/db';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { listUserSpaces, type SpaceView } from './spaces';

/** Everything an operator wants on one persona's page. */
export interface PersonaDetail {
  persona: PersonaSummary & {
    systemPrompt: string;
    moduleMix: Record<string, number>;
    traits: Record<string, unknown>;
  };
  spaces: SpaceView[];
  moduleRatings: { module: string; avgRating: number; ratingsCount: number }[];
  recentTicks: (typeof personaTicks.$inferSelect)[];
  recentActions: (typeof personaActions.$inferSelect)[];
  recentFeedback: (typeof personaFeedback.$inferSelect)[];
}

/** The detail view of one persona, or null when no persona has this id. */
export async function getPersonaDetail(
  db: Database,
  userId: string,
  now: Date,
): Promise<PersonaDetail | null> {
  const [summary] = await listPersonaSummaries(db, now, { includeDeleted: true, userId });
  if (!summary) return null;
  const [profile] = await db
    .select({
      systemPrompt: personas.systemPrompt,
      moduleMix: personas.moduleMix,
      traits: personas.traits,
    })
    .from(personas)
    .where(eq(personas.userId, userId));
  const [spaces, moduleRatings, recentTicks, recentActions, recentFeedback] = await Promise.all([
    listUserSpaces(db, userId),
    db
      .select({
        module: personaFeedback.module,
        avgRating: sql<number>`avg(${personaFeedback.rating})::float8`.mapWith(Number),
        ratingsCount: sql<number>`count(*)::int`.mapWith(Number),
      })
      .from(personaFeedback)
      .where(eq(personaFeedback.personaId, userId))
      .groupBy(personaFeedback.module)
      .orderBy(personaFeedback.module),
    db
      .select()
      .from(personaTicks)
      .where(eq(personaTicks.personaId, userId))
      .orderBy(desc(personaTicks.startedAt))
      .limit(20),
    db
      .select()
      .from(personaActions)
      .where(eq(personaActions.personaId, userId))
      .orderBy(desc(personaActions.createdAt), desc(personaActions.seq))
      .limit(100),
    db
      .select()
      .from(personaFeedback)
      .where(eq(personaFeedback.personaId, userId))
      .orderBy(desc(personaFeedback.createdAt), personaFeedback.module)
      .limit(50),
  ]);
  return {
    persona: { ...summary, ...(profile ?? { systemPrompt: '', moduleMix: {}, traits: {} }) },
    spaces,
    moduleRatings,
    recentTicks,
    recentActions,
    recentFeedback,
  };
}

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
