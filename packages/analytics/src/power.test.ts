import { describe, expect, it } from 'vitest';
import {
  mannWhitneySampleSize,
  smallestDetectableRate,
  smallestDetectableShift,
  twoProportionSampleSize,
} from './power';

const twoSided = (power: number) => ({ alpha: 0.05, power, sides: 2 as const });

describe('two-proportion sample size', () => {
  it('p1 .6, p2 .8, two-sided .05, power .8: 82 per group, 91 with Fleiss’ correction', () => {
    const plain = twoProportionSampleSize(0.6, 0.8, twoSided(0.8), { continuity: false });
    expect(plain).toBeCloseTo(81.224, 2);
    expect(Math.ceil(plain)).toBe(82);
    expect(Math.ceil(twoProportionSampleSize(0.6, 0.8, twoSided(0.8)))).toBe(91);
  });

  it('textbook cases', () => {
    // R's power.prop.test(p1 = .5, p2 = .75, power = .9) documents n = 76.7.
    expect(twoProportionSampleSize(0.5, 0.75, twoSided(0.9), { continuity: false })).toBeCloseTo(
      76.7,
      1,
    );
    expect(Math.ceil(twoProportionSampleSize(0.5, 0.75, twoSided(0.9)))).toBe(85);
    // p1 .1, p2 .2, power .8: 199 uncorrected, 219 corrected (Fleiss' Table A.3 value).
    expect(Math.ceil(twoProportionSampleSize(0.1, 0.2, twoSided(0.8), { continuity: false }))).toBe(
      199,
    );
    expect(Math.ceil(twoProportionSampleSize(0.1, 0.2, twoSided(0.8)))).toBe(219);
    // p1 .05, p2 .15: 141 and 160.
    expect(
      Math.ceil(twoProportionSampleSize(0.05, 0.15, twoSided(0.8), { continuity: false })),
    ).toBe(141);
    expect(Math.ceil(twoProportionSampleSize(0.05, 0.15, twoSided(0.8)))).toBe(160);
  });

  it('unequal groups: twice as many in group 2 need fewer in group 1, symmetric in the labels', () => {
    const equal = twoProportionSampleSize(0.1, 0.2, twoSided(0.8));
    const double = twoProportionSampleSize(0.1, 0.2, twoSided(0.8), { ratio: 2 });
    expect(double).toBeLessThan(equal);
    expect(double * 2).toBeGreaterThan(equal);
    // Uncorrected, n1 for ratio r with (p1, p2) is n2 for ratio 1/r with (p2, p1).
    const a = twoProportionSampleSize(0.1, 0.2, twoSided(0.8), { ratio: 2, continuity: false });
    const b = twoProportionSampleSize(0.2, 0.1, twoSided(0.8), {
      ratio: 0.5,
      continuity: false,
    });
    expect(a * 2).toBeCloseTo(b, 8);
    expect(twoProportionSampleSize(0.3, 0.3, twoSided(0.8))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('smallest detectable effects', () => {
  const level = { alpha: 0.001, power: 0.8 };

  it('the smallest rate a window pair detects, consistent with the sample size', () => {
    const p2 = smallestDetectableRate(0.02, 200, 200, level) as number;
    expect(p2).toBeGreaterThan(0.05);
    expect(p2).toBeLessThan(0.15);
    expect(twoProportionSampleSize(0.02, p2, level)).toBeCloseTo(200, 3);
    // More calls, finer detection.
    expect(smallestDetectableRate(0.02, 2000, 2000, level) as number).toBeLessThan(p2);
  });

  it('2 calls a window cannot detect even 100 % failures; no data detects nothing', () => {
    expect(smallestDetectableRate(0, 2, 2, level)).toBeNull();
    expect(smallestDetectableRate(0, 0, 50, level)).toBeNull();
    expect(smallestDetectableRate(1, 50, 50, level)).toBeNull();
  });

  it('a latency shift on log scale, and ratings needed for a rating drop', () => {
    // (z_.999 + z_.8) · 0.3 · √((1/50 + 1/50) · π/3) = (3.0902 + 0.8416) · 0.3 · 0.2047
    expect(smallestDetectableShift(0.3, 50, 50, level)).toBeCloseTo(0.24141, 4);
    expect(smallestDetectableShift(0.3, 0, 50, level)).toBeNull();
    // 2 · (3.9318 · 0.8 / 0.5)² / (3/π) = 82.9 → 83 ratings per window.
    expect(mannWhitneySampleSize(0.8, 0.5, level)).toBe(83);
    expect(mannWhitneySampleSize(0.8, 0, level)).toBe(Number.POSITIVE_INFINITY);
  });
});
