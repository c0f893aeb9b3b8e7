import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { holmSignificant, mannWhitneyLower, mean, proportionHigher } from './statistics';
import { toolStats } from './tool-stats';
import { type AnalysisWindow, windowBounds } from './windows';

/** When a difference counts as a regression. */
export interface RegressionThresholds {
  /** Family-wise significance level over every module and tool tested at once (Holm). */
  alpha: number;
  /** Ratings needed in each window before a module is tested. */
  minRatings: number;
  /** Smallest drop of the mean rating worth an alert. */
  minRatingDrop: number;
  /** Calls needed in each window before a tool is tested. */
  minCalls: number;
  /** Smallest rise of the error rate (0..1) worth an alert. */
  minErrorRateRise: number;
}

/**
 * The documented defaults: α = 0.05 family-wise (Holm–Bonferroni over all tests), a
 * module needs ≥ 10 ratings per window and a drop of ≥ 0.5 stars, a tool ≥ 20 calls per
 * window and a rise of ≥ 10 percentage points.
 */
export const DEFAULT_THRESHOLDS: RegressionThresholds = {
  alpha: 0.05,
  minRatings: 10,
  minRatingDrop: 0.5,
  minCalls: 20,
  minErrorRateRise: 0.1,
};

/** A regression worth an operator's attention, with the numbers behind it. */
export type RegressionAlert =
  | {
      id: string;
      kind: 'rating_drop';
      module: string;
      baseline: { count: number; mean: number };
      recent: { count: number; mean: number };
      test: 'mann-whitney-u';
      z: number;
      p: number;
      summary: string;
    }
  | {
      id: string;
      kind: 'error_rate_jump';
      module: string;
      tool: string;
      baseline: { calls: number; errors: number; rate: number };
      recent: { calls: number; errors: number; rate: number };
      test: 'two-proportion-z';
      z: number;
      p: number;
      summary: string;
    };

/** Every test that was run, significant or not, for transparency in reports. */
export interface RegressionAnalysis {
  window: AnalysisWindow;
  thresholds: RegressionThresholds;
  alerts: RegressionAlert[];
  tested: { modules: number; tools: number };
}

/**
 * Finds regressions between the baseline and the recent window:
 * - a module whose ratings are lower (one-sided Mann–Whitney U on the individual 1–5
 *   ratings; ordinal data with ties, so no t-test), and
 * - a tool whose error rate is higher (one-sided two-proportion z-test).
 * All tests of one analysis form one family, corrected with Holm–Bonferroni; an alert
 * also needs the minimum samples and the minimum effect size.
 */
export async function detectRegressions(
  db: Database,
  window: AnalysisWindow,
  thresholds: RegressionThresholds = DEFAULT_THRESHOLDS,
): Promise<RegressionAnalysis> {
  const { start, split, end } = windowBounds(window);
  const ratings = await selectRows<{ module: string; recent: boolean; rating: number }>(
    db,
    sql`select module, created_at > ${split}::timestamptz as recent, rating::int as rating
        from auth.persona_feedback
        where created_at > ${start}::timestamptz and created_at <= ${end}::timestamptz
          and module not like '\\_\\_%'`,
  );
  const byModule = new Map<string, { baseline: number[]; recent: number[] }>();
  for (const r of ratings) {
    const entry = byModule.get(r.module) ?? { baseline: [], recent: [] };
    (r.recent ? entry.recent : entry.baseline).push(Number(r.rating));
    byModule.set(r.module, entry);
  }

  type Candidate = { p: number; alert: RegressionAlert; effectOk: boolean };
  const candidates: Candidate[] = [];
  for (const [module, { baseline, recent }] of [...byModule.entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (baseline.length < thresholds.minRatings || recent.length < thresholds.minRatings) continue;
    const test = mannWhitneyLower(baseline, recent);
    const before = mean(baseline);
    const after = mean(recent);
    candidates.push({
      p: test.p,
      effectOk: before - after >= thresholds.minRatingDrop,
      alert: {
        id: `rating_drop:${module}`,
        kind: 'rating_drop',
        module,
        baseline: { count: baseline.length, mean: round(before) },
        recent: { count: recent.length, mean: round(after) },
        test: 'mann-whitney-u',
        z: round(test.z),
        p: test.p,
        summary: `${module}: mean rating fell from ${before.toFixed(2)} (${baseline.length} ratings) to ${after.toFixed(2)} (${recent.length})`,
      },
    });
  }
  const modulesTested = candidates.length;

  for (const t of await toolStats(db, window)) {
    if (t.baseline.calls < thresholds.minCalls || t.recent.calls < thresholds.minCalls) continue;
    const test = proportionHigher(
      t.baseline.errors,
      t.baseline.calls,
      t.recent.errors,
      t.recent.calls,
    );
    const before = t.baseline.errors / t.baseline.calls;
    const after = t.recent.errors / t.recent.calls;
    candidates.push({
      p: test.p,
      effectOk: after - before >= thresholds.minErrorRateRise,
      alert: {
        id: `error_rate_jump:${t.tool}`,
        kind: 'error_rate_jump',
        module: t.module,
        tool: t.tool,
        baseline: { calls: t.baseline.calls, errors: t.baseline.errors, rate: round(before) },
        recent: { calls: t.recent.calls, errors: t.recent.errors, rate: round(after) },
        test: 'two-proportion-z',
        z: round(test.z),
        p: test.p,
        summary: `${t.tool}: error rate rose from ${pct(before)} (${t.baseline.errors}/${t.baseline.calls}) to ${pct(after)} (${t.recent.errors}/${t.recent.calls})`,
      },
    });
  }

  const significant = holmSignificant(
    candidates.map((c) => c.p),
    thresholds.alpha,
  );
  const alerts = candidates.filter((c, i) => significant[i] && c.effectOk).map((c) => c.alert);
  alerts.sort((a, b) => a.p - b.p);
  return {
    window,
    thresholds,
    alerts,
    tested: { modules: modulesTested, tools: candidates.length - modulesTested },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)} %`;
}
