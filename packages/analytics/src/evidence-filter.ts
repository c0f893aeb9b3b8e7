import type { ActionOutcome } from '@mana/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { RegressionAlert } from './alerts';
import { type AnalysisWindow, windowBounds } from './windows';

/** Which alert to fetch evidence for: its kind, where, and for a new signature which one. */
export type EvidenceTarget = Pick<RegressionAlert, 'kind' | 'module' | 'tool'> & {
  signature?: string;
};

/**
 * Narrows an alert's evidence: one persona (id), one tool of the module, one outcome kind
 * (which replaces the alert's own choice of calls, e.g. `invalid_input` to see the
 * personas' own mistakes apart), and a time range inside the recent window.
 */
export interface EvidenceFilter {
  persona?: string | undefined;
  tool?: string | undefined;
  outcome?: ActionOutcome | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The recent window, cut to the filter's time range. */
function recent(column: SQL, window: AnalysisWindow, filter: EvidenceFilter): SQL {
  const { split, end } = windowBounds(window);
  const parts = [sql`${column} > ${split}::timestamptz and ${column} <= ${end}::timestamptz`];
  if (filter.from) parts.push(sql`${column} >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) parts.push(sql`${column} <= ${filter.to.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/**
 * Which recent calls (alias `a`) back an alert, and in what order they are worth reading:
 * failed calls newest first; the calls of a new signature; the slowest answered calls
 * for latency; failed checks. The filter narrows them.
 */
export function callSelection(
  target: EvidenceTarget,
  window: AnalysisWindow,
  filter: EvidenceFilter = {},
): { where: SQL; order: SQL } {
  const scope =
    target.tool === null ? sql`a.module = ${target.module}` : sql`a.tool_name = ${target.tool}`;
  const newest = sql`a.created_at desc, a.seq asc`;
  let kind: SQL;
  let order = newest;
  switch (target.kind) {
    case 'new_signature':
      kind = sql`a.error_message is not null
          and coalesce(a.error_signature, auth.error_signature(a.error_message)) = ${target.signature ?? ''}`;
      break;
    case 'latency':
      kind = sql`a.outcome in ('ok', 'check_failed') and a.latency_ms is not null`;
      order = sql`a.latency_ms desc, a.created_at desc`;
      break;
    case 'check_failures':
      kind = sql`a.check_status = 'failed'`;
      break;
    default:
      kind = sql`a.outcome in ('app_error', 'timeout', 'transport')`;
  }
  const parts = [scope, filter.outcome ? sql`a.outcome = ${filter.outcome}` : kind];
  if (filter.persona) parts.push(sql`a.persona_id = ${filter.persona}`);
  if (filter.tool) parts.push(sql`a.tool_name = ${filter.tool}`);
  parts.push(recent(sql`a.created_at`, window, filter));
  return { where: sql.join(parts, sql` and `), order };
}

/** The module's recent ratings (alias `f`), narrowed by persona and time. */
export function ratingSelection(
  target: EvidenceTarget,
  window: AnalysisWindow,
  filter: EvidenceFilter = {},
): SQL {
  const parts = [sql`f.module = ${target.module}`];
  if (filter.persona) parts.push(sql`f.persona_id = ${filter.persona}`);
  parts.push(recent(sql`f.created_at`, window, filter));
  return sql.join(parts, sql` and `);
}
