import { plural, round3 } from './alert-text';
import type { Hypothesis } from './alerts';
import { mannWhitney } from './mann-whitney';
import type { WindowValues } from './series-data';
import { mean } from './statistics';
import type { RegressionThresholds } from './thresholds';

/**
 * Rating drop per module: one-sided Mann–Whitney U test on the individual 1–5 ratings
 * (ordinal, many ties, so no t-test); exact for small samples. No hand-picked minimum
 * sample: a module too thinly rated to ever reach significance leaves the family by
 * Tarone's rule, and the coverage table says how many ratings 80 % power would need.
 * The mean must fall by at least `minRatingDrop`.
 */
export function ratingDropHypotheses(
  ratings: ReadonlyMap<string, WindowValues>,
  thresholds: RegressionThresholds,
): Hypothesis[] {
  return [...ratings.entries()].map(([module, { baseline, recent }]) => {
    const test = mannWhitney(baseline, recent, 'less');
    const before = baseline.length ? mean(baseline) : 0;
    const after = recent.length ? mean(recent) : 0;
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk:
        baseline.length > 0 &&
        recent.length > 0 &&
        before - after >= thresholds.minRatingDrop - 1e-12,
      draft: {
        id: `rating_drop:${module}`,
        kind: 'rating_drop',
        scope: 'module',
        module,
        tool: null,
        test: 'mann-whitney-u',
        statistic: { name: 'U', value: test.u },
        z: round3(test.z),
        p: test.p,
        pMin: test.pMin,
        summary: `${module}: mean rating fell from ${before.toFixed(2)} (${plural(baseline.length, 'rating')}) to ${after.toFixed(2)} (${recent.length})`,
        numbers: {
          baseline: `mean ${before.toFixed(2)} over ${plural(baseline.length, 'rating')}`,
          recent: `mean ${after.toFixed(2)} over ${plural(recent.length, 'rating')}`,
        },
        baseline: { count: baseline.length, mean: round3(before) },
        recent: { count: recent.length, mean: round3(after) },
      },
    };
  });
}
