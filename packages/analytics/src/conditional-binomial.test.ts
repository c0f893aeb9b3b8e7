import { describe, expect, it } from 'vitest';
import { newSignatureTest } from './conditional-binomial';

describe('new-signature test', () => {
  it('a signature in 6 recent calls, never in 30 baseline calls: (6/36)^6', () => {
    const r = newSignatureTest(6, 0, 6, 30);
    expect(r.p).toBeCloseTo((1 / 6) ** 6, 15);
    expect(r.pMin).toBe(r.p);
  });

  it('a single new occurrence in equal windows can never pass: q^1 = ½', () => {
    expect(newSignatureTest(1, 0, 100, 100)).toEqual({ p: 0.5, pMin: 0.5 });
  });

  it('a signature the baseline had is not new, whatever its count', () => {
    const r = newSignatureTest(40, 1, 100, 100);
    expect(r.p).toBe(1);
    expect(r.pMin).toBeCloseTo(0.5 ** 41, 20);
  });

  it('a tool without baseline calls has nothing to be new against', () => {
    expect(newSignatureTest(5, 0, 5, 0)).toEqual({ p: 1, pMin: 1 });
    expect(newSignatureTest(0, 0, 0, 0)).toEqual({ p: 1, pMin: 1 });
  });
});
