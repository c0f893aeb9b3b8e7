import { type Database, selectRows, toIso } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Onset, RegressionAlert } from './alerts';
import { bernoulliChangePoint, meanShiftChangePoint } from './change-point';
import { quantile } from './statistics';
import { type AnalysisWindow, windowBounds } from './windows';

type Row = { at: Date | string; v: number | string | boolean | null };

function ofAlert(alert: Pick<RegressionAlert, 'module' | 'tool'>): SQL {
  return alert.tool === null ? sql`module = ${alert.module}` : sql`tool_name = ${alert.tool}`;
}

/** The alert's series over both windows, oldest first: one value per event. */
async function series(
  db: Database,
  alert: RegressionAlert,
  window: AnalysisWindow,
): Promise<Row[]> {
  const { start, end } = windowBounds(window);
  const span = sql`created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz`;
  const order = sql`order by created_at, tick_id, seq`;
  switch (alert.kind) {
    case 'failure_rate':
      return selectRows<Row>(
        db,
        sql`select created_at as at, outcome in ('app_error', 'timeout', 'transport') as v
            from auth.persona_actions
            where ${ofAlert(alert)} and outcome <> 'invalid_input' and ${span} ${order}`,
      );
    case 'check_failures':
      return selectRows<Row>(
        db,
        sql`select created_at as at, check_status = 'failed' as v from auth.persona_actions
            where ${ofAlert(alert)} and check_status is not null and ${span} ${order}`,
      );
    case 'latency':
      return selectRows<Row>(
        db,
        sql`select created_at as at, latency_ms as v from auth.persona_actions
            where ${ofAlert(alert)} and outcome in ('ok', 'check_failed') and latency_ms is not null
              and ${span} ${order}`,
      );
    case 'rating_drop':
      return selectRows<Row>(
        db,
        sql`select created_at as at, rating::int as v from auth.persona_feedback
            where module = ${alert.module} and ${span} order by created_at, id`,
      );
    case 'new_signature': {
      const { split } = windowBounds(window);
      return selectRows<Row>(
        db,
        sql`select min(created_at) as at, null as v from auth.persona_actions
            where tool_name = ${alert.tool} and error_message is not null
              and coalesce(error_signature, auth.error_signature(error_message)) = ${alert.signature}
              and created_at > ${split}::timestamptz and created_at <= ${end}::timestamptz`,
      );
    }
  }
}

const median = (values: readonly number[]) => Math.round(quantile(values, 0.5));

/**
 * When the regression behind an alert most likely began: a single change point over the
 * events of both windows — a Bernoulli likelihood-ratio scan for failures and failed
 * checks, a two-segment mean-shift scan on log-latency (before/after are the segments'
 * medians in ms) or on ratings (their means), and the first recent occurrence of a new
 * signature. Null when the series has no change in the alert's direction.
 */
export async function estimateOnset(
  db: Database,
  alert: RegressionAlert,
  window: AnalysisWindow,
): Promise<Onset | null> {
  const rows = await series(db, alert, window);
  const split = Date.parse(windowBounds(window).split);
  const onset = (
    at: Date | string,
    method: Onset['method'],
    before: number | null,
    after: number | null,
  ): Onset => {
    const iso = toIso(at) as string;
    return { at: iso, method, before, after, inRecentWindow: Date.parse(iso) > split };
  };
  if (alert.kind === 'new_signature') {
    const first = rows[0]?.at;
    return first ? onset(first, 'first-occurrence', null, null) : null;
  }
  if (alert.kind === 'failure_rate' || alert.kind === 'check_failures') {
    const cp = bernoulliChangePoint(rows.map((r) => r.v === true || r.v === 't'));
    const at = cp && rows[cp.index]?.at;
    return cp && at ? onset(at, 'bernoulli-scan', round(cp.before), round(cp.after)) : null;
  }
  const values = rows.map((r) => Number(r.v));
  if (alert.kind === 'latency') {
    const cp = meanShiftChangePoint(
      values.map((v) => Math.log(v + 1)),
      'up',
    );
    const at = cp && rows[cp.index]?.at;
    return cp && at
      ? onset(
          at,
          'mean-shift-scan',
          median(values.slice(0, cp.index)),
          median(values.slice(cp.index)),
        )
      : null;
  }
  const cp = meanShiftChangePoint(values, 'down');
  const at = cp && rows[cp.index]?.at;
  return cp && at ? onset(at, 'mean-shift-scan', round(cp.before), round(cp.after)) : null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
