import { pct, plural } from './alert-text';
import { type Level, latencyCallsNeeded, ratingsNeeded, trialsNeeded } from './detectable';
import type { SeriesCounts, WindowValues } from './series-data';
import type { RegressionThresholds } from './thresholds';

/** A regression this report could not have seen, and why. */
export interface BlindSpot {
  /**
   * `failures`: failures reaching 30 % would go unnoticed; `latency`: a ×4 slowdown
   * would; `silent_write`: every check failing (a write that stores nothing) would;
   * `ratings`: a 1-star drop would.
   */
  kind: 'failures' | 'latency' | 'silent_write' | 'ratings';
  module: string;
  tool: string | null;
  /** The sample behind that test per window: reached calls, answered calls, checked calls or ratings. */
  samples: { baseline: number; recent: number };
  /** About how many per window would detect it (equal windows, same baseline); null = unknown. */
  needed: number | null;
  reason: string;
}

const sizes = (label: string, b: number, r: number) =>
  `${plural(r, label)} in the recent window and ${b} in the baseline`;
const would = (needed: number | null, what: string) =>
  needed ? ` (about ${needed} a window would show ${what})` : '';

/** Failures reaching `target`: blind when the smallest detectable rate is above it. */
export function failureBlindSpot(
  s: SeriesCounts,
  detectable: number | null,
  level: Level,
  target: number,
): BlindSpot | null {
  const { baseline: b, recent: r } = s;
  const base = {
    kind: 'failures' as const,
    module: s.module,
    tool: s.tool,
    samples: { baseline: b.reached, recent: r.reached },
  };
  if (b.reached === 0) {
    return {
      ...base,
      needed: null,
      reason: `no calls reached the app in the baseline window to compare with (${r.reached} recent)`,
    };
  }
  const p1 = b.failures / b.reached;
  if (p1 >= target) {
    return {
      ...base,
      needed: null,
      reason: `already failing ${pct(p1)} of calls in the baseline: a regression test cannot see a standing failure`,
    };
  }
  if (detectable !== null && detectable <= target) return null;
  const needed = trialsNeeded(p1, target, level);
  const shown =
    detectable === null
      ? 'not even 100 % failures would show'
      : `only ${pct(detectable)} failures would show`;
  return {
    ...base,
    needed,
    reason: `${sizes('call', b.reached, r.reached)} reached the app: ${shown}${would(needed, pct(target))}`,
  };
}

/** A ×`target` slowdown: blind when the smallest detectable ratio is above it. */
export function latencyBlindSpot(
  s: SeriesCounts,
  latencies: WindowValues | undefined,
  ratio: number | null,
  level: Level,
  target: number,
): BlindSpot | null {
  if (ratio !== null && ratio <= target) return null;
  const b = latencies?.baseline.length ?? 0;
  const r = latencies?.recent.length ?? 0;
  const needed = latencies ? latencyCallsNeeded(latencies.baseline, target, level) : null;
  return {
    kind: 'latency',
    module: s.module,
    tool: s.tool,
    samples: { baseline: b, recent: r },
    needed,
    reason:
      ratio === null
        ? `too few answered calls for a rank test: ${sizes('answered call', b, r)}${would(needed, `×${target}`)}`
        : `${sizes('answered call', b, r)}: only a ×${ratio.toFixed(1)} slowdown would show${would(needed, `×${target}`)}`,
  };
}

/** Every check failing (a write that stores nothing): blind when even 100 % would not show. */
export function silentWriteBlindSpot(
  s: SeriesCounts,
  detectable: number | null,
  level: Level,
): BlindSpot | null {
  const { baseline: b, recent: r } = s;
  const base = {
    kind: 'silent_write' as const,
    module: s.module,
    tool: s.tool,
    samples: { baseline: b.checked, recent: r.checked },
  };
  if (b.checked === 0 && r.checked === 0) {
    return {
      ...base,
      needed: trialsNeeded(0, 1, level),
      reason: 'no call was checked (a persona never looked again)',
    };
  }
  if (b.checked === 0) {
    return {
      ...base,
      needed: null,
      reason: `no checked calls in the baseline window to compare with (${r.checked} recent)`,
    };
  }
  if (detectable !== null) return null;
  const needed = trialsNeeded(b.checkFailed / b.checked, 1, level);
  return {
    ...base,
    needed,
    reason: `${sizes('checked call', b.checked, r.checked)}: not even every check failing would show${would(needed, 'it')}`,
  };
}

/** A drop of `target` stars: blind when the smallest detectable drop is larger. */
export function ratingBlindSpot(
  module: string,
  ratings: WindowValues | undefined,
  drop: number | null,
  level: Level,
  thresholds: RegressionThresholds,
): BlindSpot | null {
  const target = thresholds.blindSpotRatingDrop;
  if (drop !== null && drop <= target) return null;
  const b = ratings?.baseline.length ?? 0;
  const r = ratings?.recent.length ?? 0;
  const needed = ratings ? ratingsNeeded(ratings.baseline, target, level) : null;
  return {
    kind: 'ratings',
    module,
    tool: null,
    samples: { baseline: b, recent: r },
    needed,
    reason:
      drop === null
        ? `too few ratings to test: ${sizes('rating', b, r)}${would(needed, `a ${target}-star drop`)}`
        : `${sizes('rating', b, r)}: only a drop of ${drop.toFixed(1)} stars would show${would(needed, `a ${target}-star drop`)}`,
  };
}
