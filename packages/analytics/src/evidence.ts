import type { ActionOutcome } from '@mana/contracts';
import { type Database, selectRows, toIso } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';
import type { RegressionAlert } from './alerts';
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
}

/** Which alert to fetch evidence for: its kind, where, and for a new signature which one. */
export type EvidenceTarget = Pick<RegressionAlert, 'kind' | 'module' | 'tool'> & {
  signature?: string;
};

/** A page of evidence. */
export interface EvidencePage {
  limit?: number;
  offset?: number;
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

/** Which recent calls back an alert, and in what order they are worth reading. */
function callFilter(target: EvidenceTarget): { where: SQL; order: SQL } {
  const where =
    target.tool === null ? sql`a.module = ${target.module}` : sql`a.tool_name = ${target.tool}`;
  const newest = sql`a.created_at desc, a.seq asc`;
  switch (target.kind) {
    case 'new_signature':
      return {
        where: sql`${where} and a.error_message is not null
          and coalesce(a.error_signature, auth.error_signature(a.error_message)) = ${target.signature ?? ''}`,
        order: newest,
      };
    case 'latency':
      return {
        where: sql`${where} and a.outcome in ('ok', 'check_failed') and a.latency_ms is not null`,
        order: sql`a.latency_ms desc, a.created_at desc`,
      };
    case 'check_failures':
      return { where: sql`${where} and a.check_status = 'failed'`, order: newest };
    default:
      return {
        where: sql`${where} and a.outcome in ('app_error', 'timeout', 'transport')`,
        order: newest,
      };
  }
}

/**
 * The rows behind an alert, from its recent window, one page at a time (`limit` default
 * 100): for a failure-rate alert the failed calls (app error, timeout, transport) of the
 * tool or module, newest first; for a new signature the calls with that signature; for
 * latency the slowest answered calls; for failed checks the calls whose check failed,
 * with what was expected and seen; for a rating drop its ratings lowest first with their
 * notes (and the module's failed calls). Each row names persona, tick and time.
 */
export async function alertEvidence(
  db: Database,
  target: EvidenceTarget,
  window: AnalysisWindow,
  page: EvidencePage = {},
): Promise<AlertEvidence> {
  const limit = page.limit ?? 100;
  const offset = page.offset ?? 0;
  const { split, end } = windowBounds(window);
  const recent = (column: SQL) =>
    sql`${column} > ${split}::timestamptz and ${column} <= ${end}::timestamptz`;
  const forRatings = target.kind === 'rating_drop';
  const calls = callFilter(forRatings ? { ...target, kind: 'failure_rate' } : target);
  const [ratings, actions] = await Promise.all([
    selectRows<Record<string, unknown>>(
      db,
      sql`select f.created_at as at, u.email as persona, f.persona_id, f.tick_id, f.rating::int as rating,
                 f.notes, count(*) over ()::int as total
          from auth.persona_feedback f join auth.users u on u.id = f.persona_id
          where f.module = ${target.module} and ${recent(sql`f.created_at`)}
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
          where ${calls.where} and ${recent(sql`a.created_at`)}
          order by ${calls.order}
          limit ${limit} offset ${forRatings ? 0 : offset}`,
    ),
  ]);
  const mainTotal = (forRatings ? ratings : actions)[0]?.total;
  return {
    total: mainTotal === undefined ? 0 : Number(mainTotal),
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
