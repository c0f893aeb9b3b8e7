import { describe, expect, it } from 'vitest';
import { binomialUpperTail, newSignatureTest } from './conditional-binomial';

describe('new-signature test', () => {
  it('a signature in 6 recent calls, never in 30 baseline calls: (6/36)^6', () => {
    const r = newSignatureTest(6, 0, 6, 30);
    expect(r.p).toBeCloseTo((1 / 6) ** 6, 15);
    expect(r.pMin).toBe(r.p);
  });

  it('a single new occurrence in equal windows can never pass: q^1 = ½', () => {
    expect(newSignatureTest(1, 0, 100, 100)).toEqual({ p: 0.5, pMin: 0.5 });
  });

  it('a signature the baseline had is tested for a rise: P(X ≥ k_r), X ~ Bin(k, q)', () => {
    // 40 of 41 occurrences in the recent half: (41 + 1) / 2^41.
    const r = newSignatureTest(40, 1, 100, 100);
    expect(r.p).toBeCloseTo(42 / 2 ** 41, 20);
    expect(r.pMin).toBeCloseTo(0.5 ** 41, 20);
    // The drill's tightened validation: 3 chaos refusals in 15 calls, then 11 of 11.
    expect(newSignatureTest(11, 3, 11, 15).p).toBeCloseTo(binomialUpperTail(14, 11 / 26, 11), 15);
    expect(newSignatureTest(11, 3, 11, 15).p).toBeCloseTo(0.006548, 6);
  });

  it('a signature as frequent as before gets no small p', () => {
    expect(newSignatureTest(5, 5, 100, 100).p).toBeGreaterThan(0.5);
  });

  it('the binomial tail at its edges and against a hand sum', () => {
    expect(binomialUpperTail(10, 0.3, 0)).toBe(1);
    expect(binomialUpperTail(10, 0.3, 11)).toBe(0);
    expect(binomialUpperTail(4, 0.5, 3)).toBeCloseTo(5 / 16, 15);
    expect(binomialUpperTail(3, 0.2, 2)).toBeCloseTo(3 * 0.04 * 0.8 + 0.008, 15);
  });

  it('a tool without baseline calls has nothing to be new against', () => {
    expect(newSignatureTest(5, 0, 5, 0)).toEqual({ p: 1, pMin: 1 });
    expect(newSignatureTest(0, 0, 0, 0)).toEqual({ p: 1, pMin: 1 });
  });
});
