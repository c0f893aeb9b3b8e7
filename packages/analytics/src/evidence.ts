import type { ActionOutcome } from '@mana/contracts';
import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';
import {
  callSelection,
  type EvidenceFilter,
  type EvidenceTarget,
  ratingSelection,
} from './evidence-filter';
import type { AnalysisWindow } from './windows';

export type { EvidenceTarget } from './evidence-filter';

/** A rating behind an alert. */
export interface RatingEvidence {
  at: string;
  persona: string;
  personaId: string;
  tickId: string;
  rating: number;
  notes: string | null;
}

/** A call behind an alert, with what a check found when the persona looked again. */
export interface ActionEvidence {
  at: string;
  persona: string;
  personaId: string;
  tickId: string;
  seq: number;
  tool: string;
  module: string;
  result: string;
  outcome: ActionOutcome;
  errorMessage: string | null;
  errorSignature: string | null;
  latencyMs: number | null;
  checkStatus: 'passed' | 'failed' | null;
  checkExpected: string | null;
  checkSeen: string | null;
  /** `seq` of the call (same tick) that showed the verdict. */
  checkBy: number | null;
}

/** What an alert rests on, one page of it. */
export interface AlertEvidence {
  /** The calls behind the alert (for a rating drop: the module's failed calls, as context). */
  actions: ActionEvidence[];
  /** The module's recent ratings, lowest first (for a rating drop: the evidence itself). */
  ratings: RatingEvidence[];
  /** How many rows the alert's own list has in all (calls, or ratings for a rating drop). */
  total: number;
  /** How many ratings and calls match in all (the page holds at most `limit` of each). */
  ratingTotal: number;
  actionTotal: number;
}

/** A page of evidence. */
export interface EvidencePage {
  limit?: number;
  offset?: number;
  filter?: EvidenceFilter;
}

interface ActionRow extends Record<string, unknown> {
  at: Date | string;
  persona: string;
  persona_id: string;
  tick_id: string;
  seq: number;
  tool: string;
  module: string;
  result: string;
  outcome: ActionOutcome;
  error_message: string | null;
  error_signature: string | null;
  latency_ms: number | null;
  check_status: 'passed' | 'failed' | null;
  check_expected: string | null;
  check_seen: string | null;
  check_by: number | null;
  total: number;
}

/**
 * The rows behind an alert, from its recent window, one page at a time (`limit` default
 * 100): for a failure-rate alert the failed calls (app error, timeout, transport) of the
 * tool or module, newest first; for a new signature the calls with that signature; for
 * latency the slowest answered calls; for failed checks the calls whose check failed,
 * with what was expected and seen; for a rating drop its ratings lowest first with their
 * notes (and the module's failed calls). Each row names persona, tick and time;
 * `page.filter` narrows the rows (persona, tool, outcome kind, time).
 */
export async function alertEvidence(
  db: Database,
  target: EvidenceTarget,
  window: AnalysisWindow,
  page: EvidencePage = {},
): Promise<AlertEvidence> {
  const limit = page.limit ?? 100;
  const offset = page.offset ?? 0;
  const filter = page.filter ?? {};
  const forRatings = target.kind === 'rating_drop';
  const calls = callSelection(
    forRatings ? { ...target, kind: 'failure_rate' } : target,
    window,
    filter,
  );
  const [ratings, actions] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`select f.created_at as at, u.email as persona, f.persona_id, f.tick_id, f.rating::int as rating,
                 f.notes, count(*) over ()::int as total
          from auth.persona_feedback f join auth.users u on u.id = f.persona_id
          where ${ratingSelection(target, window, filter)}
          order by f.rating asc, f.created_at desc
          limit ${limit} offset ${forRatings ? offset : 0}`,
    ),
    selectRows<ActionRow>(
      db,
      sql`select a.created_at as at, u.email as persona, a.persona_id, a.tick_id, a.seq,
                 a.tool_name as tool, a.module, a.result, a.outcome, a.error_message,
                 coalesce(a.error_signature, auth.error_signature(a.error_message)) as error_signature,
                 a.latency_ms, a.check_status, a.check_expected, a.check_seen, a.check_by,
                 count(*) over ()::int as total
          from auth.persona_actions a join auth.users u on u.id = a.persona_id
          where ${calls.where}
          order by ${calls.order}
          limit ${limit} offset ${forRatings ? 0 : offset}`,
    ),
  ]);
  const ratingTotal = Number(ratings[0]?.total ?? 0);
  const actionTotal = Number(actions[0]?.total ?? 0);
  return {
    total: forRatings ? ratingTotal : actionTotal,
    ratingTotal,
    actionTotal,
    ratings: ratings.map((r) => ({
      at: toIso(r.at as Date | string) as string,
      persona: String(r.persona),
      personaId: String(r.persona_id),
      tickId: String(r.tick_id),
      rating: Number(r.rating),
      notes: (r.notes as string | null) ?? null,
    })),
    actions: actions.map((a) => ({
      at: toIso(a.at) as string,
      persona: a.persona,
      personaId: a.persona_id,
      tickId: a.tick_id,
      seq: Number(a.seq),
      tool: a.tool,
      module: a.module,
      result: a.result,
      outcome: a.outcome,
      errorMessage: a.error_message,
      errorSignature: a.error_signature,
      latencyMs: a.latency_ms === null ? null : Number(a.latency_ms),
      checkStatus: a.check_status,
      checkExpected: a.check_expected,
      checkSeen: a.check_seen,
      checkBy: a.check_by === null ? null : Number(a.check_by),
    })),
  };
}
