import { pct, plural, round3 } from './alert-text';
import type { CheckWindow, FailureWindow, Hypothesis } from './alerts';
import { fisherGreater } from './fisher';
import type { SeriesCounts, WindowCounts } from './series-data';
import type { RegressionThresholds } from './thresholds';

const name = (s: SeriesCounts) => s.tool ?? `${s.module} (all tools)`;

function failureWindow(w: WindowCounts): FailureWindow {
  return {
    reached: w.reached,
    failures: w.failures,
    rate: w.reached > 0 ? round3(w.failures / w.reached) : 0,
    invalidInput: w.invalidInput,
    invalidInputRate: w.calls > 0 ? round3(w.invalidInput / w.calls) : 0,
  };
}

function describeFailures(w: WindowCounts): string {
  const rate = w.reached > 0 ? pct(w.failures / w.reached) : '–';
  return `${w.failures} of ${plural(w.reached, 'call')} failed (${rate}); ${w.invalidInput} refused as invalid input, counted apart`;
}

/**
 * Failure rate per tool and per module: one-sided Fisher's exact test on failures
 * (app_error, timeout, transport) among the calls that reached the app (every outcome but
 * invalid_input), recent against baseline. Refused inputs never enter the rate: they are
 * the persona's mistake, and a chaos persona makes them on purpose. The effect must be a
 * rise of at least `minFailureRateRise`.
 */
export function failureRateHypotheses(
  series: readonly SeriesCounts[],
  thresholds: RegressionThresholds,
): Hypothesis[] {
  return series.map((s) => {
    const { baseline: b, recent: r } = s;
    const test = fisherGreater(b.failures, b.reached, r.failures, r.reached);
    const before = b.reached > 0 ? b.failures / b.reached : 0;
    const after = r.reached > 0 ? r.failures / r.reached : 0;
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk: r.reached > 0 && after - before >= thresholds.minFailureRateRise - 1e-12,
      draft: {
        id: `failure_rate:${s.tool ?? s.module}`,
        kind: 'failure_rate',
        scope: s.scope,
        module: s.module,
        tool: s.tool,
        test: 'fisher-exact',
        statistic: { name: 'recent failures', value: r.failures },
        z: null,
        p: test.p,
        pMin: test.pMin,
        summary: `${name(s)}: ${pct(after)} of calls fail (${r.failures}/${r.reached}), up from ${pct(before)} (${b.failures}/${b.reached})`,
        numbers: { baseline: describeFailures(b), recent: describeFailures(r) },
        baseline: failureWindow(b),
        recent: failureWindow(r),
      },
    };
  });
}

function checkWindow(w: WindowCounts): CheckWindow {
  return {
    checked: w.checked,
    failed: w.checkFailed,
    rate: w.checked > 0 ? round3(w.checkFailed / w.checked) : 0,
  };
}

function describeChecks(w: WindowCounts): string {
  const rate = w.checked > 0 ? pct(w.checkFailed / w.checked) : '–';
  return `${w.checkFailed} of ${plural(w.checked, 'checked call')} proved wrong (${rate})`;
}

/**
 * Failed checks per tool and per module: one-sided Fisher's exact test on the calls
 * whose answer or effect proved wrong when a persona looked again, among the calls that
 * got a verdict. The effect must be a rise of at least `minCheckFailureRise`.
 */
export function checkFailureHypotheses(
  series: readonly SeriesCounts[],
  thresholds: RegressionThresholds,
): Hypothesis[] {
  return series.map((s) => {
    const { baseline: b, recent: r } = s;
    const test = fisherGreater(b.checkFailed, b.checked, r.checkFailed, r.checked);
    const before = b.checked > 0 ? b.checkFailed / b.checked : 0;
    const after = r.checked > 0 ? r.checkFailed / r.checked : 0;
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk: r.checked > 0 && after - before >= thresholds.minCheckFailureRise - 1e-12,
      draft: {
        id: `check_failures:${s.tool ?? s.module}`,
        kind: 'check_failures',
        scope: s.scope,
        module: s.module,
        tool: s.tool,
        test: 'fisher-exact',
        statistic: { name: 'recent failed checks', value: r.checkFailed },
        z: null,
        p: test.p,
        pMin: test.pMin,
        summary: `${name(s)}: ${pct(after)} of checked answers prove wrong (${r.checkFailed}/${r.checked}), up from ${pct(before)} (${b.checkFailed}/${b.checked})`,
        numbers: { baseline: describeChecks(b), recent: describeChecks(r) },
        baseline: checkWindow(b),
        recent: checkWindow(r),
      },
    };
  });
}
