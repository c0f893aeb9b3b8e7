import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { FAILURE_OUTCOMES } from './alerts';
import { fisherGreater } from './fisher';
import { mannWhitney } from './mann-whitney';
import { mean, quantile } from './statistics';
import { DEFAULT_THRESHOLDS, type RegressionThresholds } from './thresholds';

/** A span of time to compare: a release (from its marker to the next) or any two instants. */
export interface Period {
  label: string;
  start: string;
  end: string;
}

/** One tool in one period. */
export interface ToolPeriod {
  calls: number;
  /** Calls that reached the app (not refused as invalid input) and how many failed. */
  reached: number;
  failures: number;
  failureRate: number | null;
  checked: number;
  checksFailed: number;
  checkFailureRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

/** One module's ratings in one period. */
export interface ModulePeriod {
  ratings: number;
  meanRating: number | null;
}

/** What changed for one tool or module, and whether it counts as a regression. */
export interface ComparisonRow<T> {
  name: string;
  before: T;
  after: T;
  /** Why it is a regression (test, p, effect); empty when it is not one. */
  regressions: string[];
}

/** Two periods side by side, and the regressions between them. */
export interface PeriodComparison {
  before: Period & { calls: number; failureRate: number | null; meanRating: number | null };
  after: Period & { calls: number; failureRate: number | null; meanRating: number | null };
  /** Bonferroni: each test at α / tests. */
  alpha: number;
  tests: number;
  tools: ComparisonRow<ToolPeriod>[];
  modules: ComparisonRow<ModulePeriod>[];
  /** One line per regression, for the report and CI. */
  regressions: string[];
}

interface CallRow extends Record<string, unknown> {
  tool: string;
  outcome: string;
  latency_ms: number | null;
  check_status: string | null;
}

const FAILED = new Set<string>(FAILURE_OUTCOMES);

async function loadPeriod(db: Database, p: Period) {
  const [calls, ratings] = await Promise.all([
    selectRows<CallRow>(
      db,
      sql`select tool_name as tool, outcome, latency_ms, check_status from auth.persona_actions
          where created_at >= ${p.start}::timestamptz and created_at < ${p.end}::timestamptz`,
    ),
    selectRows<{ module: string; rating: number }>(
      db,
      sql`select module, rating::int as rating from auth.persona_feedback
          where created_at >= ${p.start}::timestamptz and created_at < ${p.end}::timestamptz`,
    ),
  ]);
  const tools = new Map<string, { rows: CallRow[]; latencies: number[] }>();
  for (const c of calls) {
    const t = tools.get(c.tool) ?? { rows: [], latencies: [] };
    t.rows.push(c);
    if ((c.outcome === 'ok' || c.outcome === 'check_failed') && c.latency_ms !== null)
      t.latencies.push(Number(c.latency_ms));
    tools.set(c.tool, t);
  }
  const modules = new Map<string, number[]>();
  for (const r of ratings)
    modules.set(r.module, [...(modules.get(r.module) ?? []), Number(r.rating)]);
  const failures = calls.filter((c) => FAILED.has(c.outcome)).length;
  const reached = calls.filter((c) => c.outcome !== 'invalid_input').length;
  const all = ratings.map((r) => Number(r.rating));
  return {
    tools,
    modules,
    summary: {
      ...p,
      calls: calls.length,
      failureRate: reached ? failures / reached : null,
      meanRating: all.length ? mean(all) : null,
    },
  };
}

function toolPeriod(t: { rows: CallRow[]; latencies: number[] } | undefined): ToolPeriod {
  const rows = t?.rows ?? [];
  const reached = rows.filter((c) => c.outcome !== 'invalid_input').length;
  const failures = rows.filter((c) => FAILED.has(c.outcome)).length;
  const checked = rows.filter((c) => c.check_status !== null).length;
  const checksFailed = rows.filter((c) => c.check_status === 'failed').length;
  const lat = t?.latencies ?? [];
  return {
    calls: rows.length,
    reached,
    failures,
    failureRate: reached ? failures / reached : null,
    checked,
    checksFailed,
    checkFailureRate: checked ? checksFailed / checked : null,
    p50Ms: lat.length ? Math.round(quantile(lat, 0.5)) : null,
    p95Ms: lat.length ? Math.round(quantile(lat, 0.95)) : null,
  };
}

const pctText = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

/**
 * Compares two periods (`before`, `after`): per tool the failure rate, failed checks and
 * p50/p95 latency, per module the ratings. A regression needs a one-sided test (Fisher's
 * exact for rates, Mann–Whitney U for latency and ratings) at α / (number of tests),
 * Bonferroni, and the same minimum effect as the alerts (`thresholds`).
 */
export async function comparePeriods(
  db: Database,
  before: Period,
  after: Period,
  thresholds: RegressionThresholds = DEFAULT_THRESHOLDS,
): Promise<PeriodComparison> {
  const [a, b] = await Promise.all([loadPeriod(db, before), loadPeriod(db, after)]);
  const toolNames = [...new Set([...a.tools.keys(), ...b.tools.keys()])].sort();
  const moduleNames = [...new Set([...a.modules.keys(), ...b.modules.keys()])].sort();
  const tests = toolNames.length * 3 + moduleNames.length;
  const level = thresholds.alpha / Math.max(1, tests);
  const th = thresholds;

  const tools = toolNames.map((name) => {
    const x = toolPeriod(a.tools.get(name));
    const y = toolPeriod(b.tools.get(name));
    const why: string[] = [];
    const fr = fisherGreater(x.failures, x.reached, y.failures, y.reached);
    if (fr.p <= level && (y.failureRate ?? 0) - (x.failureRate ?? 0) >= th.minFailureRateRise)
      why.push(
        `failure rate ${pctText(x.failureRate)} → ${pctText(y.failureRate)} (Fisher p = ${fr.p.toExponential(1)})`,
      );
    const cf = fisherGreater(x.checksFailed, x.checked, y.checksFailed, y.checked);
    if (
      cf.p <= level &&
      (y.checkFailureRate ?? 0) - (x.checkFailureRate ?? 0) >= th.minCheckFailureRise
    )
      why.push(
        `failed checks ${pctText(x.checkFailureRate)} → ${pctText(y.checkFailureRate)} (Fisher p = ${cf.p.toExponential(1)})`,
      );
    const la = a.tools.get(name)?.latencies ?? [];
    const lb = b.tools.get(name)?.latencies ?? [];
    const mw = mannWhitney(la, lb, 'greater');
    const slower = (p: 'p50Ms' | 'p95Ms') => {
      const u = x[p];
      const v = y[p];
      return (
        u !== null && v !== null && v - u >= th.minLatencyIncreaseMs && v >= u * th.minLatencyRatio
      );
    };
    if (mw.p <= level && (slower('p50Ms') || slower('p95Ms')))
      why.push(
        `latency p50 ${x.p50Ms} → ${y.p50Ms} ms, p95 ${x.p95Ms} → ${y.p95Ms} ms (Mann–Whitney p = ${mw.p.toExponential(1)})`,
      );
    return { name, before: x, after: y, regressions: why };
  });

  const modules = moduleNames.map((name) => {
    const ra = a.modules.get(name) ?? [];
    const rb = b.modules.get(name) ?? [];
    const x = { ratings: ra.length, meanRating: ra.length ? mean(ra) : null };
    const y = { ratings: rb.length, meanRating: rb.length ? mean(rb) : null };
    const why: string[] = [];
    const mw = mannWhitney(ra, rb, 'less');
    if (
      mw.p <= level &&
      x.meanRating !== null &&
      y.meanRating !== null &&
      x.meanRating - y.meanRating >= th.minRatingDrop
    )
      why.push(
        `mean rating ${x.meanRating.toFixed(2)} → ${y.meanRating.toFixed(2)} (Mann–Whitney p = ${mw.p.toExponential(1)})`,
      );
    return { name, before: x, after: y, regressions: why };
  });

  return {
    before: a.summary,
    after: b.summary,
    alpha: thresholds.alpha,
    tests,
    tools,
    modules,
    regressions: [...tools, ...modules].flatMap((r) => r.regressions.map((w) => `${r.name}: ${w}`)),
  };
}
