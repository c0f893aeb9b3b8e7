import { describe, expect, it } from 'vitest';
import { mannWhitney } from './mann-whitney';

// Exact references: scipy.stats.mannwhitneyu(method='exact') and, with ties,
// scipy.stats.permutation_test over every arrangement.
describe('Mann–Whitney U', () => {
  it('is exact for small samples: [3,4,5] vs [1,2] lower has p = 1/C(5,2)', () => {
    const r = mannWhitney([3, 4, 5], [1, 2], 'less');
    expect(r).toMatchObject({ u: 0, exact: true });
    expect(r.p).toBeCloseTo(0.1, 14);
    expect(r.pMin).toBeCloseTo(0.1, 14);
    // The normal z is still reported: (0 − 3 + 0.5)/√3.
    expect(r.z).toBeCloseTo(-1.4434, 3);
  });

  it('is exact with ties', () => {
    const r = mannWhitney([5, 5, 4, 4, 3], [4, 3, 3, 2, 5, 4], 'less');
    expect(r.p).toBeCloseTo(0.20346320346320346, 12);
    expect(r.u).toBe(9);
    const up = mannWhitney(
      [10, 12, 11, 13, 9, 10, 12, 11, 10, 14],
      [11, 13, 12, 10, 12, 11, 14, 9, 12, 13],
      'greater',
    );
    expect(up.p).toBeCloseTo(0.22292645435060296, 12);
  });

  it('a ×4 latency on 10 calls each: complete separation, p = 1/C(20,10)', () => {
    const base = [10, 12, 11, 13, 9, 10, 12, 11, 10, 14];
    const r = mannWhitney(
      base,
      base.map((v) => v * 4),
      'greater',
    );
    expect(r.p).toBeCloseTo(1 / 184756, 14);
    expect(r.pMin).toBe(r.p);
    expect(r.u).toBe(100);
  });

  it('a clear rating drop is significant, no change is not, a rise is not a drop', () => {
    const before = [5, 5, 4, 5, 4, 5, 5, 4, 5, 4, 5, 5];
    const after = [2, 1, 2, 3, 1, 2, 2, 1, 3, 2];
    expect(mannWhitney(before, after, 'less').p).toBeLessThan(1e-5);
    expect(mannWhitney(before, before, 'less').p).toBeGreaterThan(0.4);
    expect(mannWhitney(after, before, 'less').p).toBeGreaterThan(0.99);
  });

  it('all values tied or an empty sample: p = pMin = 1', () => {
    expect(mannWhitney([4, 4, 4], [4, 4, 4], 'less')).toMatchObject({ p: 1, pMin: 1 });
    expect(mannWhitney([], [1], 'less')).toMatchObject({ p: 1, pMin: 1 });
  });

  it('pMin is the most extreme arrangement of the pooled values, ties included', () => {
    // Pooled [1,1,5,5,5,5]; at best the recent rating is one of the two 1s: 2/6.
    expect(mannWhitney([5, 5, 5, 5, 1], [1], 'less').pMin).toBeCloseTo(1 / 3, 14);
  });

  it('uses the normal approximation for large samples and agrees with scipy', () => {
    const big = Array.from({ length: 3000 }, (_, i) => 10 + ((i * 7) % 13));
    const r = mannWhitney(big, [30, 31, 29], 'greater');
    expect(r.exact).toBe(false);
    expect(r.z).toBeCloseTo(3.00655, 4);
    // Conservative with one tiny sample: the exact p would be 1/C(3003,3) ≈ 1.3e-10.
    expect(r.p / 0.0013211511715032357).toBeCloseTo(1, 9);
    const a = Array.from({ length: 400 }, (_, i) => (i * 37) % 101);
    const b = Array.from({ length: 400 }, (_, i) => ((i * 53) % 101) + 5);
    const n = mannWhitney(a, b, 'greater');
    expect(n.exact).toBe(false);
    expect(n.u).toBe(87556);
    expect(n.p / 0.010387372580411933).toBeCloseTo(1, 9);
  });

  it('pMin in closed form equals the exact p of the extreme arrangement, ties and all', () => {
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 60; run++) {
      const n1 = 1 + Math.floor(next() * 30);
      const n2 = 1 + Math.floor(next() * 30);
      const spread = 1 + Math.floor(next() * 8); // few distinct values: many ties
      const draw = (n: number) => Array.from({ length: n }, () => Math.floor(next() * spread));
      const baseline = draw(n1);
      const recent = draw(n2);
      const pooled = [...baseline, ...recent].sort((a, b) => a - b);
      for (const direction of ['greater', 'less'] as const) {
        const low = direction === 'greater' ? n1 : n2;
        const extreme =
          direction === 'greater'
            ? mannWhitney(pooled.slice(0, low), pooled.slice(low), direction)
            : mannWhitney(pooled.slice(low), pooled.slice(0, low), direction);
        const r = mannWhitney(baseline, recent, direction);
        expect(r.pMin).toBeCloseTo(Math.min(r.p, extreme.p), 12);
      }
    }
  });
});
