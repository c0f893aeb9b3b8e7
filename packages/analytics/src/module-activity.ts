import { type Database, personaActions, personaFeedback, selectRows, toIso, users } from '@mana/db';
import { and, desc, eq, sql } from 'drizzle-orm';

/** A rating with its note, as the module page lists it. */
export interface ModuleNote {
  at: string;
  personaId: string;
  persona: string;
  tickId: string;
  rating: number;
  notes: string | null;
}

/** A failed call, as the module page lists it. */
export interface FailedCall {
  at: string;
  personaId: string;
  persona: string;
  tickId: string;
  tool: string;
  errorMessage: string | null;
  latencyMs: number | null;
}

/** The module's latest ratings with their notes, newest first. */
export async function latestModuleNotes(
  db: Database,
  module: string,
  limit = 20,
): Promise<ModuleNote[]> {
  const rows = await db
    .select({
      at: personaFeedback.createdAt,
      personaId: personaFeedback.personaId,
      persona: users.email,
      tickId: personaFeedback.tickId,
      rating: personaFeedback.rating,
      notes: personaFeedback.notes,
    })
    .from(personaFeedback)
    .innerJoin(users, eq(users.id, personaFeedback.personaId))
    .where(eq(personaFeedback.module, module))
    .orderBy(desc(personaFeedback.createdAt), personaFeedback.id)
    .limit(limit);
  return rows.map((r) => ({ ...r, at: toIso(r.at) as string, rating: Number(r.rating) }));
}

/** The module's latest failed calls, newest first. */
export async function latestFailedCalls(
  db: Database,
  module: string,
  limit = 20,
): Promise<FailedCall[]> {
  const rows = await db
    .select({
      at: personaActions.createdAt,
      personaId: personaActions.personaId,
      persona: users.email,
      tickId: personaActions.tickId,
      tool: personaActions.toolName,
      errorMessage: personaActions.errorMessage,
      latencyMs: personaActions.latencyMs,
    })
    .from(personaActions)
    .innerJoin(users, eq(users.id, personaActions.personaId))
    .where(and(eq(personaActions.module, module), eq(personaActions.result, 'error')))
    .orderBy(desc(personaActions.createdAt), personaActions.seq)
    .limit(limit);
  return rows.map((r) => ({ ...r, at: toIso(r.at) as string }));
}

/** Whether any rating or call ever named this module (else its page is a 404). */
export async function moduleExists(db: Database, module: string): Promise<boolean> {
  const rows = await selectRows<{ found: number }>(
    db,
    sql`select 1 as found where exists (select 1 from auth.persona_feedback where module = ${module})
           or exists (select 1 from auth.persona_actions where module = ${module})`,
  );
  return rows.length > 0;
}
