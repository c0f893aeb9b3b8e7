import { round3 } from './alert-text';
import {
  type BlindSpot,
  failureBlindSpot,
  latencyBlindSpot,
  ratingBlindSpot,
  silentWriteBlindSpot,
} from './blind-spots';
import {
  detectableLatencyRatio,
  detectableRate,
  detectableRatingDrop,
  type Level,
  ratingsNeeded,
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
    const spots =
      s.tool === null
        ? [ratingBlindSpot(s.module, ratings, detectable.ratingDrop, level, thresholds)]
        : [
            failureBlindSpot(
              s,
              failureRate?.detectable ?? null,
              level,
              thresholds.blindSpotFailureRate,
            ),
            latencyBlindSpot(s, latencies, latencyRatio, level, thresholds.blindSpotLatencyRatio),
            !options.writeTools || options.writeTools.has(s.tool)
              ? silentWriteBlindSpot(s, checkFailureRate?.detectable ?? null, level)
              : null,
          ];
    for (const spot of spots) if (spot) blindSpots.push(spot);
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
