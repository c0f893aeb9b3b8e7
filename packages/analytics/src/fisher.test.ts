import { describe, expect, it } from 'vitest';
import { fisherGreater, hypergeometricUpperTail } from './fisher';

// Reference p-values: scipy.stats.fisher_exact(alternative='greater') and, for the
// 10^5-call case, an exact 40-digit sum with mpmath.
describe("Fisher's exact test (recent rate higher)", () => {
  it('flags 3/17 → 15/17: p = 100386 / C(34, 17) = 4.30e-5', () => {
    const r = fisherGreater(3, 17, 15, 17);
    expect(r.p).toBeCloseTo(100386 / 2333606220, 15);
    expect(r.p / 4.301754046576032e-5).toBeCloseTo(1, 10);
    expect(r.oddsRatio).toBe(35);
    // The most extreme table with these margins: all 17 recent calls among the 18 failures.
    expect(r.pMin).toBeCloseTo(18 / 2333606220, 15);
  });

  it('flags 0/40 → 12/40 (a zero baseline): p = C(40, 12) / C(80, 12) = 9.27e-5', () => {
    const r = fisherGreater(0, 40, 12, 40);
    expect(r.p / 9.273302528813455e-5).toBeCloseTo(1, 10);
    expect(r.pMin).toBe(r.p);
    expect(r.oddsRatio).toBe(Number.POSITIVE_INFINITY);
  });

  it('is 1 with no data, no failure at all, or nothing but failures', () => {
    expect(fisherGreater(0, 50, 0, 50)).toMatchObject({ p: 1, pMin: 1 });
    expect(fisherGreater(0, 0, 5, 10)).toMatchObject({ p: 1, pMin: 1 });
    expect(fisherGreater(10, 10, 10, 10)).toMatchObject({ p: 1, pMin: 1 });
  });

  it('cannot reach significance with 2 calls a window, even at 0 % → 100 %', () => {
    // All 2 failures in the 2 recent calls: 1 / C(4, 2).
    const r = fisherGreater(0, 2, 2, 2);
    expect(r.p).toBeCloseTo(1 / 6, 12);
    expect(r.pMin).toBeCloseTo(1 / 6, 12);
  });

  it('identical windows and a fall are not a rise', () => {
    expect(fisherGreater(5, 100, 5, 100).p).toBeCloseTo(0.626235124935476, 10);
    expect(fisherGreater(10, 100, 2, 100).p).toBeGreaterThan(0.99);
  });

  it('stays exact at 10^5 calls a window', () => {
    expect(fisherGreater(500, 100_000, 600, 100_000).p / 0.0013722460597528562).toBeCloseTo(1, 8);
    expect(fisherGreater(5000, 100_000, 5200, 100_000).p / 0.02155245430539905).toBeCloseTo(1, 8);
    expect(fisherGreater(5000, 100_000, 20_000, 100_000).p).toBeLessThan(1e-300);
  });

  it('hypergeometric tail: whole support is 1, beyond it 0', () => {
    expect(hypergeometricUpperTail(0, 10, 4, 5)).toBe(1);
    expect(hypergeometricUpperTail(5, 10, 4, 5)).toBe(0);
    // P(X ≥ 4) = C(4,4)·C(6,1)/C(10,5) = 6/252
    expect(hypergeometricUpperTail(4, 10, 4, 5)).toBeCloseTo(6 / 252, 14);
  });
});
