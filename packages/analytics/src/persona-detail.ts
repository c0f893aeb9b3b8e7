import type { PersonaTraits } from '@mana/contracts';
import { type Database, personaActions, personaFeedback, personas, personaTicks } from '@mana/db';
import { asc, avg, count, desc, eq } from 'drizzle-orm';
import { listPersonaSummaries, type PersonaSummary } from './persona-overview';

/** What a persona is set up to do: its module mix and traits. */
export interface PersonaProfile {
  moduleMix: Record<string, number>;
  traits: PersonaTraits;
  systemPrompt: string;
}

/** The persona row's set-up, or null when there is no persona with this id. */
export async function personaProfile(db: Database, id: string): Promise<PersonaProfile | null> {
  const [row] = await db
    .select({
      moduleMix: personas.moduleMix,
      traits: personas.traits,
      systemPrompt: personas.systemPrompt,
    })
    .from(personas)
    .where(eq(personas.userId, id));
  return row ?? null;
}

/** A persona's mean rating of one module, over every rating it gave. */
export interface ModuleRating {
  module: string;
  mean: number;
  count: number;
}

/** Mean rating and count per module of one persona, by module name. */
export async function personaModuleRatings(db: Database, id: string): Promise<ModuleRating[]> {
  const rows = await db
    .select({
      module: personaFeedback.module,
      mean: avg(personaFeedback.rating),
      count: count(),
    })
    .from(personaFeedback)
    .where(eq(personaFeedback.personaId, id))
    .groupBy(personaFeedback.module)
    .orderBy(asc(personaFeedback.module));
  return rows.map((r) => ({ module: r.module, mean: Number(r.mean), count: Number(r.count) }));
}

/** Everything an operator wants on one persona's page, spaces aside (the identity service's). */
export interface PersonaDetail {
  persona: PersonaSummary & PersonaProfile;
  moduleRatings: ModuleRating[];
  recentTicks: (typeof personaTicks.$inferSelect)[];
  recentActions: (typeof personaActions.$inferSelect)[];
  recentFeedback: (typeof personaFeedback.$inferSelect)[];
}

/**
 * One persona's summary, set-up, per-module ratings and latest ticks (20), actions (100)
 * and ratings (50); null when no persona (deleted or not) has this id.
 */
export async function personaDetail(
  db: Database,
  userId: string,
  now: Date,
): Promise<PersonaDetail | null> {
  const [summary] = await listPersonaSummaries(db, now, { includeDeleted: true, userId });
  if (!summary) return null;
  const [profile, moduleRatings, recentTicks, recentActions, recentFeedback] = await Promise.all([
    personaProfile(db, userId),
    personaModuleRatings(db, userId),
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
    moduleRatings,
    recentTicks,
    recentActions,
    recentFeedback,
  };
}
