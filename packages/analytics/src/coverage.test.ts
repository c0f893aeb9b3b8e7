import { describe, expect, it } from 'vitest';
import { coverage } from './coverage';
import { rankSampleFloor, rankTestCanReach, ratingsNeeded, trialsNeeded } from './detectable';
import { twoProportionSampleSize } from './power';
import { quantile } from './statistics';
import { rng, syntheticData } from './testing/synthetic';
import { DEFAULT_THRESHOLDS } from './thresholds';

const th = DEFAULT_THRESHOLDS;
const level = 0.05 / 20;
const rand = rng(11);
const latencies = (n: number) => Array.from({ length: n }, () => Math.round(20 + rand() * 15));

describe('coverage and blind spots', () => {
  const data = syntheticData({
    tools: [
      {
        tool: 'todo.list',
        baseline: { calls: 400, failures: 4, checked: 200 },
        recent: { calls: 400, failures: 4, checked: 200 },
        latencies: { baseline: latencies(396), recent: latencies(396) },
      },
      {
        tool: 'dreams.create',
        baseline: { calls: 2 },
        recent: { calls: 2, failures: 2 },
        latencies: { baseline: [30, 31], recent: [] },
      },
      {
        tool: 'invoices.mark_paid',
        baseline: { calls: 40, failures: 16 },
        recent: { calls: 40, failures: 15 },
      },
    ],
    ratings: {
      todo: {
        baseline: Array.from({ length: 60 }, (_, i) => 3 + (i % 3)),
        recent: Array.from({ length: 60 }, (_, i) => 3 + (i % 3)),
      },
      dreams: { baseline: [4, 5], recent: [1] },
    },
  });
  const c = coverage(data, level, th, { writeTools: new Set(['todo.list', 'dreams.create']) });
  const spots = (tool: string | null, module?: string) =>
    c.blindSpots.filter((b) => b.tool === tool && (module === undefined || b.module === module));

  it('a busy tool detects small rises, a slowdown of tens of ms and silent writes', () => {
    const t = c.tools.find((x) => x.tool === 'todo.list');
    expect(t?.detectable.failureRate?.baseline).toBe(0.01);
    const rate = t?.detectable.failureRate?.detectable as number;
    // The detectable rate is where the Fleiss-corrected sample size equals the 400 calls
    // (up to the rounding of the rate to 0.1 %).
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.08);
    const n = twoProportionSampleSize(0.01, rate, { alpha: level, power: 0.8 });
    expect(Math.abs(n - 400)).toBeLessThan(5);
    // Power alone would see ×1.05; the +50 ms minimum on a ~34 ms p95 needs ×2.5.
    const p95 = quantile(data.latencies.get('todo.list')?.baseline ?? [], 0.95);
    expect(t?.detectable.latencyRatio).toBeCloseTo(1 + 50 / p95, 3);
    // 0 of 200 checks failed before: 7.3 % failing would show.
    expect(t?.detectable.checkFailureRate).toEqual({ baseline: 0, detectable: 0.073, rise: 0.073 });
    expect(spots('todo.list')).toEqual([]);
  });

  it('a tool with 2 calls is blind to 30 % failures, a ×4 latency and silent writes, saying why', () => {
    expect(spots('dreams.create').map((b) => b.kind)).toEqual([
      'failures',
      'latency',
      'silent_write',
    ]);
    const [failures, latency, silent] = spots('dreams.create');
    expect(failures).toMatchObject({ samples: { baseline: 2, recent: 2 } });
    // 0 % → 30 % at α/K = .0025 with 80 % power takes about 50 calls a window.
    expect(failures?.needed).toBe(trialsNeeded(0, 0.3, { alpha: level, power: 0.8 }));
    expect(failures?.needed).toBeGreaterThan(40);
    expect(failures?.reason).toBe(
      `2 calls in the recent window and 2 in the baseline reached the app: not even 100 % failures would show (about ${failures?.needed} a window would show 30.0 %)`,
    );
    expect(latency?.reason).toMatch(
      /^too few answered calls for a rank test: 0 answered calls in the recent window and 2 in the baseline/,
    );
    expect(silent).toMatchObject({
      samples: { baseline: 0, recent: 0 },
      reason: 'no call was checked (a persona never looked again)',
    });
  });

  it('a tool already failing 40 % is listed: a regression test cannot see a standing failure', () => {
    const [spot] = spots('invoices.mark_paid').filter((b) => b.kind === 'failures');
    expect(spot?.reason).toMatch(/already failing 40\.0 %/);
    // Not a write tool: no silent-write entry.
    expect(spots('invoices.mark_paid').some((b) => b.kind === 'silent_write')).toBe(false);
  });

  it('modules: rating power, the ratings the test needs, and thinly rated modules as blind spots', () => {
    const todo = c.modules.find((m) => m.module === 'todo');
    expect(todo?.detectable.ratingDrop).toBeGreaterThanOrEqual(th.minRatingDrop);
    expect(todo?.detectable.ratingDrop).toBeLessThan(1);
    expect(todo?.detectable.ratingsNeeded).toBeGreaterThan(60);
    expect(spots(null, 'todo')).toEqual([]);
    expect(spots(null, 'dreams')).toEqual([
      {
        kind: 'ratings',
        module: 'dreams',
        tool: null,
        samples: { baseline: 2, recent: 1 },
        needed: 14, // 2·(3.6486·0.7071 / 1)² · π/3 = 13.9
        reason:
          'too few ratings to test: 1 rating in the recent window and 2 in the baseline (about 14 a window would show a 1-star drop)',
      },
    ]);
  });

  it('carries counts per window next to the power', () => {
    expect(c).toMatchObject({ level, power: 0.8 });
    const t = c.tools.find((x) => x.tool === 'dreams.create');
    expect(t?.recent).toMatchObject({ calls: 2, reached: 2, failures: 2, invalidInput: 0 });
  });
});

describe('rating test minimum sample from power', () => {
  it('is the Mann–Whitney sample size, never below what a rank test needs to reach the level', () => {
    // 2 · ((z_.9975 + z_.8) · sd / 0.5)² · π/3 = 2 · (3.6486 · 0.8165 / 0.5)² · 1.0472 = 74.4 → 75
    const spread = [3, 4, 5, 4, 3, 4, 5, 5, 3, 4];
    const sd = Math.sqrt(spread.reduce((s, v) => s + (v - 4) ** 2, 0) / 9);
    expect(sd).toBeCloseTo(0.8165, 4);
    expect(ratingsNeeded(spread, 0.5, { alpha: level, power: 0.8 })).toBe(75);
    // All baseline ratings equal: no spread, but a rank test needs 6 a window to reach
    // α = .0025 at all (1/C(12, 6) = .0011; with 5, 1/C(10, 5) = .0040).
    expect(rankTestCanReach(5, 5, level)).toBe(false);
    expect(rankTestCanReach(6, 6, level)).toBe(true);
    expect(rankSampleFloor(level)).toBe(6);
    expect(rankSampleFloor(0.05)).toBe(3);
    expect(ratingsNeeded([5, 5, 5], 0.5, { alpha: level, power: 0.8 })).toBe(6);
    expect(ratingsNeeded([5], 0.5, { alpha: level, power: 0.8 })).toBeNull();
  });
});
