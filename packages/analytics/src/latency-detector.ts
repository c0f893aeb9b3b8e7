import { plural, round3 } from './alert-text';
import type { Hypothesis, LatencyWindow } from './alerts';
import { mannWhitney } from './mann-whitney';
import type { WindowValues } from './series-data';
import { quantile } from './statistics';
import type { RegressionThresholds } from './thresholds';

function latencyWindow(values: readonly number[]): LatencyWindow {
  return {
    calls: values.length,
    p50Ms: values.length ? Math.round(quantile(values, 0.5)) : 0,
    p95Ms: values.length ? Math.round(quantile(values, 0.95)) : 0,
  };
}

/**
 * Whether a latency change is large enough to matter: p50 or p95 up by at least
 * `minLatencyIncreaseMs` AND by the factor `minLatencyRatio`. A busy test machine moves
 * latencies by a few milliseconds or a few tens of percent; neither alone makes an alert.
 */
export function latencyEffect(
  baseline: LatencyWindow,
  recent: LatencyWindow,
  thresholds: RegressionThresholds,
): boolean {
  const grew = (before: number, after: number) =>
    after - before >= thresholds.minLatencyIncreaseMs &&
    after >= before * thresholds.minLatencyRatio;
  return (
    recent.calls > 0 &&
    baseline.calls > 0 &&
    (grew(baseline.p50Ms, recent.p50Ms) || grew(baseline.p95Ms, recent.p95Ms))
  );
}

/** Answered calls a tool needs in each window to count towards {@link latencyDrift}. */
const DRIFT_MIN_CALLS = 10;
/** Tools that must count before a drift is estimated at all. */
const DRIFT_MIN_TOOLS = 3;

/**
 * How much slower every tool got at once: the median over tools (those with at least
 * ten answered calls in both windows) of recent p50 ÷ baseline p50, never below 1; 1 with
 * fewer than three such tools. A machine that got busier — a simulation on a loaded box —
 * slows every tool alike, while one tool's regression barely moves the median. Each
 * tool's latency is judged against its baseline scaled by this factor, so load that
 * rose during a run is not read as a regression of nine tools; the price is that a
 * slowdown of most of the app at once shows as this drift, not as per-tool alerts.
 */
export function latencyDrift(latencies: ReadonlyMap<string, WindowValues>): number {
  const ratios: number[] = [];
  for (const { baseline, recent } of latencies.values()) {
    if (baseline.length < DRIFT_MIN_CALLS || recent.length < DRIFT_MIN_CALLS) continue;
    const before = quantile(baseline, 0.5);
    if (before > 0) ratios.push(quantile(recent, 0.5) / before);
  }
  if (ratios.length < DRIFT_MIN_TOOLS) return 1;
  return Math.max(1, quantile(ratios, 0.5));
}

/**
 * Latency per tool: one-sided Mann–Whitney U test that the recent latencies of answered
 * calls are higher (exact for small samples, normal approximation with ties and
 * continuity correction otherwise), with the minimum effect of {@link latencyEffect};
 * both against the baseline scaled by the {@link latencyDrift} of all tools.
 */
export function latencyHypotheses(
  latencies: ReadonlyMap<string, WindowValues>,
  modules: ReadonlyMap<string, string>,
  thresholds: RegressionThresholds,
): Hypothesis[] {
  const drift = latencyDrift(latencies);
  const drifted = drift > 1.05 ? `, every tool ×${drift.toFixed(1)} (judged against that)` : '';
  return [...latencies.entries()].map(([tool, { baseline, recent }]) => {
    const expected = drift === 1 ? baseline : baseline.map((ms) => ms * drift);
    const test = mannWhitney(expected, recent, 'greater');
    const b = latencyWindow(baseline);
    const r = latencyWindow(recent);
    const describe = (w: LatencyWindow) =>
      w.calls
        ? `p50 ${w.p50Ms} ms, p95 ${w.p95Ms} ms over ${plural(w.calls, 'answered call')}`
        : 'no answered calls';
    const ratio = b.p50Ms > 0 ? r.p50Ms / b.p50Ms : Number.POSITIVE_INFINITY;
    return {
      p: test.p,
      pMin: test.pMin,
      effectOk: latencyEffect(latencyWindow(expected), r, thresholds),
      draft: {
        id: `latency:${tool}`,
        kind: 'latency',
        scope: 'tool',
        module: modules.get(tool) ?? tool.split('.')[0] ?? tool,
        tool,
        test: 'mann-whitney-u',
        statistic: { name: 'U', value: test.u },
        z: round3(test.z),
        p: test.p,
        pMin: test.pMin,
        summary: `${tool}: answers take ${r.p50Ms} ms at the median (p95 ${r.p95Ms} ms), ×${ratio.toFixed(1)} the ${b.p50Ms} ms (p95 ${b.p95Ms} ms) before${drifted}`,
        numbers: { baseline: describe(b), recent: describe(r) },
        baseline: b,
        recent: r,
      },
    };
  });
}
