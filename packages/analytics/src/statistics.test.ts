import { describe, expect, it } from 'vitest';
import {
  holmSignificant,
  mannWhitneyLower,
  mean,
  normalCdf,
  proportionHigher,
  quantile,
} from './statistics';

describe('statistics', () => {
  it('normalCdf matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-2.326)).toBeCloseTo(0.01, 4);
    expect(normalCdf(3)).toBeCloseTo(0.99865, 5);
  });

  it('mean and quantiles', () => {
    expect(mean([5, 4, 4, 1])).toBe(3.5);
    expect(Number.isNaN(mean([]))).toBe(true);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 9);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('Mann–Whitney: a clear drop is significant, no change is not, ties are handled', () => {
    const before = [5, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 5];
    const after = [2, 1, 2, 3, 1, 2, 2, 1, 3, 2];
    const drop = mannWhitneyLower(before, after);
    expect(drop.p).toBeLessThan(0.0001);
    expect(drop.z).toBeLessThan(-3.5);
    expect(mannWhitneyLower(before, before).p).toBeGreaterThan(0.4);
    // A rise is not a drop.
    expect(mannWhitneyLower(after, before).p).toBeGreaterThan(0.99);
    expect(mannWhitneyLower([4, 4, 4], [4, 4, 4]).p).toBe(1);
    expect(mannWhitneyLower([], [1]).p).toBe(1);
  });

  it('Mann–Whitney agrees with a hand computation', () => {
    // baseline [3,4,5], recent [1,2]: ranks 1,2 for recent → R2 = 3, U = 0, μ = 3,
    // σ² = 3*2/12*(6) = 3, z = (0 - 3 + 0.5)/√3 = -1.443.
    const r = mannWhitneyLower([3, 4, 5], [1, 2]);
    expect(r.z).toBeCloseTo(-1.4434, 3);
    expect(r.p).toBeCloseTo(0.0745, 3);
  });

  it('two-proportion test: 5% → 40% errors is significant; 5% → 6% is not', () => {
    expect(proportionHigher(5, 100, 40, 100).p).toBeLessThan(1e-6);
    expect(proportionHigher(5, 100, 6, 100).p).toBeGreaterThan(0.3);
    expect(proportionHigher(0, 50, 0, 50).p).toBe(1);
    expect(proportionHigher(10, 100, 2, 100).p).toBeGreaterThan(0.9);
    // Hand computation: 10/100 vs 20/100, pooled .15, se = √(.15·.85·.02) = .0505, z = 1.980.
    expect(proportionHigher(10, 100, 20, 100).z).toBeCloseTo(1.98, 2);
  });

  it('Holm keeps the family-wise level', () => {
    expect(holmSignificant([0.001, 0.04, 0.03, 0.5], 0.05)).toEqual([true, false, false, false]);
    // .001 ≤ .05/4, .012 ≤ .05/3, .02 ≤ .05/2, .5 > .05
    expect(holmSignificant([0.001, 0.012, 0.02, 0.5], 0.05)).toEqual([true, true, true, false]);

    expect(holmSignificant([], 0.05)).toEqual([]);
  });
});
