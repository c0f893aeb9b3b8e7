import {
  type Database,
  personaActions,
  personaFeedback,
  personaTicks,
  toIso,
  users,
} from '@mana/db';
import { and, asc, count, eq } from 'drizzle-orm';
import type { TimelineTick } from './tick-history';

/**
 * One tick with its actions in order and its ratings, in the shape of the persona
 * timeline's ticks (so the same view shows it); null for an unknown id.
 */
export async function tickDetail(db: Database, id: string): Promise<TimelineTick | null> {
  const [tick] = await db
    .select({
      id: personaTicks.id,
      personaId: personaTicks.personaId,
      persona: users.email,
      status: personaTicks.status,
      brain: personaTicks.brain,
      model: personaTicks.model,
      spaceId: personaTicks.spaceId,
      startedAt: personaTicks.startedAt,
      finishedAt: personaTicks.finishedAt,
      actionsCount: personaTicks.actionsCount,
      error: personaTicks.error,
      costUsd: personaTicks.costUsd,
      inputTokens: personaTicks.inputTokens,
      outputTokens: personaTicks.outputTokens,
      cacheReadTokens: personaTicks.cacheReadTokens,
      cacheWriteTokens: personaTicks.cacheWriteTokens,
    })
    .from(personaTicks)
    .innerJoin(users, eq(users.id, personaTicks.personaId))
    .where(eq(personaTicks.id, id));
  if (!tick) return null;
  const [actions, ratings, [errors]] = await Promise.all([
    db
      .select({
        seq: personaActions.seq,
        tool: personaActions.toolName,
        module: personaActions.module,
        result: personaActions.result,
        errorMessage: personaActions.errorMessage,
        latencyMs: personaActions.latencyMs,
      })
      .from(personaActions)
      .where(eq(personaActions.tickId, id))
      .orderBy(asc(personaActions.seq)),
    db
      .select({
        module: personaFeedback.module,
        rating: personaFeedback.rating,
        notes: personaFeedback.notes,
      })
      .from(personaFeedback)
      .where(eq(personaFeedback.tickId, id))
      .orderBy(asc(personaFeedback.module)),
    db
      .select({ n: count() })
      .from(personaActions)
      .where(and(eq(personaActions.tickId, id), eq(personaActions.result, 'error'))),
  ]);
  const startedAt = toIso(tick.startedAt) as string;
  const finishedAt = toIso(tick.finishedAt);
  return {
    ...tick,
    startedAt,
    finishedAt,
    durationMs: finishedAt ? Date.parse(finishedAt) - Date.parse(startedAt) : null,
    errors: Number(errors?.n ?? 0),
    actions: actions.map((a) => ({ ...a, seq: Number(a.seq) })),
    ratings: ratings.map((r) => ({ ...r, rating: Number(r.rating) })),
  };
}
