import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';
import type { RegressionAlert } from './regressions';
import { type AnalysisWindow, windowBounds } from './windows';

/** A rating behind an alert. */
export interface RatingEvidence {
  at: string;
  persona: string;
  personaId: string;
  tickId: string;
  rating: number;
  notes: string | null;
}

/** A failed call behind an alert. */
export interface ActionEvidence {
  at: string;
  persona: string;
  personaId: string;
  tickId: string;
  tool: string;
  result: string;
  errorMessage: string | null;
  latencyMs: number | null;
}

/** What an alert rests on: the recent window's ratings (lowest first) and failed calls. */
export interface AlertEvidence {
  ratings: RatingEvidence[];
  actions: ActionEvidence[];
}

/**
 * The rows behind an alert, from its recent window: for a rating drop the module's
 * ratings with their notes (lowest first) and its failed calls; for an error-rate jump
 * the tool's failed calls and the module's ratings.
 */
export async function alertEvidence(
  db: Database,
  alert: Pick<RegressionAlert, 'kind' | 'module'> & { tool?: string },
  window: AnalysisWindow,
  limit = 100,
): Promise<AlertEvidence> {
  const { split, end } = windowBounds(window);
  const ratings = await selectRows<{
    at: Date | string;
    persona: string;
    persona_id: string;
    tick_id: string;
    rating: number;
    notes: string | null;
  }>(
    db,
    sql`select f.created_at as at, u.email as persona, f.persona_id, f.tick_id, f.rating::int as rating, f.notes
        from auth.persona_feedback f join auth.users u on u.id = f.persona_id
        where f.module = ${alert.module}
          and f.created_at > ${split}::timestamptz and f.created_at <= ${end}::timestamptz
        order by f.rating asc, f.created_at desc
        limit ${limit}`,
  );
  const actions = await selectRows<{
    at: Date | string;
    persona: string;
    persona_id: string;
    tick_id: string;
    tool: string;
    result: string;
    error_message: string | null;
    latency_ms: number | null;
  }>(
    db,
    sql`select a.created_at as at, u.email as persona, a.persona_id, a.tick_id, a.tool_name as tool, a.result,
               a.error_message, a.latency_ms
        from auth.persona_actions a join auth.users u on u.id = a.persona_id
        where ${alert.tool ? sql`a.tool_name = ${alert.tool}` : sql`a.module = ${alert.module}`}
          and a.result = 'error'
          and a.created_at > ${split}::timestamptz and a.created_at <= ${end}::timestamptz
        order by a.created_at desc, a.seq asc
        limit ${limit}`,
  );
  return {
    ratings: ratings.map((r) => ({
      at: toIso(r.at) as string,
      persona: r.persona,
      personaId: r.persona_id,
      tickId: r.tick_id,
      rating: Number(r.rating),
      notes: r.notes,
    })),
    actions: actions.map((a) => ({
      at: toIso(a.at) as string,
      persona: a.persona,
      personaId: a.persona_id,
      tickId: a.tick_id,
      tool: a.tool,
      result: a.result,
      errorMessage: a.error_message,
      latencyMs: a.latency_ms === null ? null : Number(a.latency_ms),
    })),
  };
}
