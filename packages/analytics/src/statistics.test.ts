import { describe, expect, it } from 'vitest';
import { mean, quantile, standardDeviation } from './statistics';

describe('statistics', () => {
  it('mean, standard deviation and quantiles', () => {
    expect(mean([5, 4, 4, 1])).toBe(3.5);
    expect(Number.isNaN(mean([]))).toBe(true);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.13809, 5);
    expect(Number.isNaN(standardDeviation([3]))).toBe(true);
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBeCloseTo(9.55, 9);
    expect(quantile([7], 0.95)).toBe(7);
  });
});
