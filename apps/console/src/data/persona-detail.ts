import type { PersonaTraits } from '@mana/contracts';
import { type Database, personaFeedback, personas } from '@mana/db';
import { asc, avg, count, eq } from 'drizzle-orm';

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
