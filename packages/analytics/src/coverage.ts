import { pct, plural, round3 } from './alert-text';
import {
  detectableLatencyRatio,
  detectableRate,
  detectableRatingDrop,
  type Level,
  ratingsNeeded,
  trialsNeeded,
} from './detectable';
import type { RegressionData, SeriesCounts } from './series-data';
import type { RegressionThresholds } from './thresholds';

/** What a tool or module could detect in this report, at the family's level with the planned power. */
export interface Detectable {
  /** Baseline failure rate and the smallest recent one detectable (null = none at all). */
  failureRate: { baseline: number; detectable: number | null; rise: number | null } | null;
  /** The same for failed checks. */
  checkFailureRate: { baseline: number; detectable: number | null; rise: number | null } | null;
  /** Smallest detectable latency growth, as a ratio of the median (tools; null = none). */
  latencyRatio: number | null;
  /** Smallest detectable drop of the mean rating (modules; null = none). */
  ratingDrop: number | null;
  /** Ratings per window the rating test needs for 80 % power at the minimum drop (modules). */
  ratingsNeeded: number | null;
}

/** A tool or module: its counts per window, calls per persona, and what it could detect. */
export interface SeriesCoverage extends SeriesCounts {
  detectable: Detectable;
}

/** A regression this report could not have seen, and why. */
export interface BlindSpot {
  /**
   * `failures`: 30 % failures would go unnoticed; `latency`: a ×4 slowdown would;
   * `silent_write`: every check failing (a write that stores nothing) would;
   * `ratings`: a 1-star drop would.
   */
  kind: 'failures' | 'latency' | 'silent_write' | 'ratings';
  module: string;
  tool: string | null;
  reason: string;
}

/** Coverage and detection power of one report. */
export interface Coverage {
  /** The per-test level power is planned at: α/K with the report's Tarone K. */
  level: number;
  power: number;
  tools: SeriesCoverage[];
  modules: SeriesCoverage[];
  blindSpots: BlindSpot[];
}

function rate(hits: number, total: number, recent: number, level: Level, minRise: number) {
  const d = detectableRate(hits, total, recent, level, minRise);
  return d
    ? {
        baseline: round3(d.baselineRate),
        detectable: d.rate === null ? null : round3(d.rate),
        rise: d.rise === null ? null : round3(d.rise),
      }
    : null;
}

const windows = (label: string, b: number, r: number) =>
  `${plural(r, label)} in the recent window and ${b} in the baseline`;

/**
 * Per tool and module: calls, personas, refused inputs, failures and checks per window,
 * and the smallest failure-rate rise, failed-check rise, latency growth (tools) and
 * rating drop (modules) each could detect at `level` (α/K of the report's family) with
 * `thresholds.power`. Blind spots list what would go unnoticed: a tool reaching
 * `blindSpotFailureRate` failures, slowing by `blindSpotLatencyRatio`, every check
 * failing (only `writeTools`, when given: a read has no write to lose), or a module's
 * mean rating falling by `blindSpotRatingDrop`.
 */
export function coverage(
  data: RegressionData,
  levelAlpha: number,
  thresholds: RegressionThresholds,
  options: { writeTools?: ReadonlySet<string> } = {},
): Coverage {
  const level: Level = { alpha: levelAlpha, power: thresholds.power };
  const blindSpots: BlindSpot[] = [];
  const rows = data.series.map((s): SeriesCoverage => {
    const { baseline: b, recent: r } = s;
    const latencies = s.tool === null ? undefined : data.latencies.get(s.tool);
    const ratings = s.tool === null ? data.ratings.get(s.module) : undefined;
    const failureRate = rate(
      b.failures,
      b.reached,
      r.reached,
      level,
      thresholds.minFailureRateRise,
    );
    const checkFailureRate = rate(
      b.checkFailed,
      b.checked,
      r.checked,
      level,
      thresholds.minCheckFailureRise,
    );
    const latencyRatio =
      s.tool === null
        ? null
        : detectableLatencyRatio(
            latencies?.baseline ?? [],
            latencies?.recent.length ?? 0,
            level,
            thresholds.minLatencyRatio,
            thresholds.minLatencyIncreaseMs,
          );
    const detectable: Detectable = {
      failureRate,
      checkFailureRate,
      latencyRatio: latencyRatio === null ? null : round3(latencyRatio),
      ratingDrop: ratings
        ? nullable(
            detectableRatingDrop(
              ratings.baseline,
              ratings.recent.length,
              level,
              thresholds.minRatingDrop,
            ),
          )
        : null,
      ratingsNeeded: ratings
        ? ratingsNeeded(ratings.baseline, thresholds.minRatingDrop, level)
        : null,
    };
    if (s.tool !== null) {
      const target = thresholds.blindSpotFailureRate;
      const reason = failureBlindness(s, failureRate, target, level);
      if (reason) blindSpots.push({ kind: 'failures', module: s.module, tool: s.tool, reason });
      if (latencyRatio === null || latencyRatio > thresholds.blindSpotLatencyRatio) {
        const b2 = latencies?.baseline.length ?? 0;
        const r2 = latencies?.recent.length ?? 0;
        blindSpots.push({
          kind: 'latency',
          module: s.module,
          tool: s.tool,
          reason:
            latencyRatio === null
              ? `too few answered calls for a rank test: ${windows('answered call', b2, r2)}`
              : `${windows('answered call', b2, r2)}: only a ×${latencyRatio.toFixed(1)} slowdown would show`,
        });
      }
      if (!options.writeTools || options.writeTools.has(s.tool)) {
        const why = silentWriteBlindness(s, checkFailureRate, level);
        if (why)
          blindSpots.push({ kind: 'silent_write', module: s.module, tool: s.tool, reason: why });
      }
    } else if (
      detectable.ratingDrop === null ||
      detectable.ratingDrop > thresholds.blindSpotRatingDrop
    ) {
      const nb = ratings?.baseline.length ?? 0;
      const nr = ratings?.recent.length ?? 0;
      blindSpots.push({
        kind: 'ratings',
        module: s.module,
        tool: null,
        reason:
          detectable.ratingDrop === null
            ? `too few ratings to test: ${windows('rating', nb, nr)}`
            : `${windows('rating', nb, nr)}: only a drop of ${detectable.ratingDrop.toFixed(1)} stars would show${detectable.ratingsNeeded ? ` (${detectable.ratingsNeeded} ratings a window would show ${thresholds.minRatingDrop})` : ''}`,
      });
    }
    return { ...s, detectable };
  });
  return {
    level: levelAlpha,
    power: thresholds.power,
    tools: rows.filter((s) => s.tool !== null),
    modules: rows.filter((s) => s.tool === null),
    blindSpots,
  };
}

function nullable(x: number | null): number | null {
  return x === null ? null : round3(x);
}

function failureBlindness(
  s: SeriesCounts,
  d: Detectable['failureRate'],
  target: number,
  level: Level,
): string | null {
  const { baseline: b, recent: r } = s;
  if (b.reached === 0)
    return `no calls reached the app in the baseline window to compare with (${r.reached} recent)`;
  if (d && d.baseline >= target) {
    return `already failing ${pct(d.baseline)} of calls in the baseline: a regression test cannot see a standing failure`;
  }
  if (d && d.detectable !== null && d.detectable <= target) return null;
  const needed = trialsNeeded(d?.baseline ?? 0, target, level);
  const shown =
    d?.detectable === null || !d
      ? 'not even 100 % failures would show'
      : `only ${pct(d.detectable)} failures would show`;
  return `${windows('call', b.reached, r.reached)} reached the app: ${shown}${needed ? ` (about ${needed} calls a window would show ${pct(target)})` : ''}`;
}

function silentWriteBlindness(
  s: SeriesCounts,
  d: Detectable['checkFailureRate'],
  level: Level,
): string | null {
  const { baseline: b, recent: r } = s;
  if (b.checked === 0 && r.checked === 0)
    return 'no call was checked (a persona never looked again)';
  if (b.checked === 0)
    return `no checked calls in the baseline window to compare with (${r.checked} recent)`;
  if (d && d.detectable !== null) return null;
  const needed = trialsNeeded(d?.baseline ?? 0, 1, level);
  return `${windows('checked call', b.checked, r.checked)}: not even every check failing would show${needed ? ` (about ${needed} checks a window would)` : ''}`;
}
