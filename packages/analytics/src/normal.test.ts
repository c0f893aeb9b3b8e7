import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSf } from './normal';

// Reference values from scipy.stats.norm (double precision).
describe('normal distribution', () => {
  it('matches reference values in the body and the far tails, relatively', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    for (const [z, sf] of [
      [2.4, 0.008197535924596131],
      [3, 0.0013498980316300933],
      [5, 2.866515718791933e-7],
      [8, 6.22096057427174e-16],
      [10, 7.61985302416047e-24],
      [20, 2.7536241186061556e-89],
    ] as const) {
      expect(Math.abs(normalSf(z) / sf - 1)).toBeLessThan(1e-12);
      expect(Math.abs(normalCdf(-z) / sf - 1)).toBeLessThan(1e-12);
    }
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('inverts the CDF', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 14);
    expect(normalQuantile(1e-12)).toBeCloseTo(-7.034483825301131, 9);
    expect(normalQuantile(0.999999)).toBeCloseTo(4.753424308817087, 9);
    for (const p of [1e-9, 0.001, 0.3, 0.7, 0.99]) {
      expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 10);
    }
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(normalQuantile(1.5))).toBe(true);
  });
});
