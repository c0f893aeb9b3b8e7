import { describe, expect, it } from 'vitest';
import { holmSignificant, taroneNumber, taroneStepDown } from './family-wise';

describe('Holm', () => {
  it('keeps the family-wise level', () => {
    expect(holmSignificant([0.001, 0.04, 0.03, 0.5], 0.05)).toEqual([true, false, false, false]);
    // .001 ≤ .05/4, .012 ≤ .05/3, .02 ≤ .05/2, .5 > .05
    expect(holmSignificant([0.001, 0.012, 0.02, 0.5], 0.05)).toEqual([true, true, true, false]);
    expect(holmSignificant([], 0.05)).toEqual([]);
  });
});

describe("Tarone's method", () => {
  it('K is the smallest k with at most k tests able to pass α/k', () => {
    // pMin ≤ .05: 4 tests; ≤ .025: 3; ≤ .0167: 3 → K = 3.
    expect(taroneNumber([0.0001, 0.001, 0.005, 0.3, 0.04], 0.05)).toEqual({ k: 3, eligible: 3 });
    // Continuous tests: every one counts (Bonferroni's K = m).
    expect(taroneNumber([0, 0, 0, 0], 0.05)).toEqual({ k: 4, eligible: 4 });
    // Nothing can pass: K = 1 with nobody eligible.
    expect(taroneNumber([0.5, 1, 1], 0.05)).toEqual({ k: 1, eligible: 0 });
    expect(taroneNumber([], 0.05)).toEqual({ k: 1, eligible: 0 });
  });

  it('leaves untestable tests out of the family', () => {
    // 100 tiny-sample tests (2 calls a window: pMin = 1/6) and one real one.
    const tests = [
      { p: 0.001, pMin: 1e-9 },
      ...Array.from({ length: 100 }, () => ({ p: 1 / 6, pMin: 1 / 6 })),
    ];
    const tarone = taroneStepDown(tests, 0.05);
    expect(tarone.k).toBe(1);
    expect(tarone.rejected[0]).toBe(true);
    expect(tarone.level[0]).toBe(0.05);
    // Holm counts all 101 and misses it: .001 > .05/101.
    expect(
      holmSignificant(
        tests.map((t) => t.p),
        0.05,
      )[0],
    ).toBe(false);
  });

  it('steps down, recomputing K among the hypotheses left (a worked example)', () => {
    const tests = [
      { p: 0.001, pMin: 0.0001 },
      { p: 0.011, pMin: 0.001 },
      { p: 0.02, pMin: 0.005 },
      { p: 0.6, pMin: 0.3 },
      { p: 0.7, pMin: 0.04 },
    ];
    // Step 1: K = 3, .001 ≤ .0167. Step 2 (4 left): pMin ≤ .05 for 3, ≤ .025 for 2 → K = 2,
    // .011 ≤ .025. Step 3 (3 left): ≤ .05 for 2, ≤ .025 for 1 → K = 2, .02 ≤ .025.
    // Step 4 (2 left): only .04 ≤ .05 → K = 1, .6 > .05: stop.
    const r = taroneStepDown(tests, 0.05);
    expect(r.rejected).toEqual([true, true, true, false, false]);
    expect(r.level.slice(0, 3)).toEqual([0.05 / 3, 0.025, 0.025]);
    expect(r).toMatchObject({ k: 3, eligible: 3 });
    // Holm rejects two (.02 > .05/3), single-step Tarone (α/3) two as well.
    expect(
      holmSignificant(
        tests.map((t) => t.p),
        0.05,
      ),
    ).toEqual([true, true, false, false, false]);
  });

  it('is Holm when every test is continuous', () => {
    const ps = [0.001, 0.012, 0.02, 0.5, 0.013];
    expect(
      taroneStepDown(
        ps.map((p) => ({ p, pMin: 0 })),
        0.05,
      ).rejected,
    ).toEqual(holmSignificant(ps, 0.05));
  });

  it('rejects nothing when nothing is small', () => {
    const r = taroneStepDown(
      [
        { p: 0.3, pMin: 0.01 },
        { p: 1, pMin: 1 },
      ],
      0.05,
    );
    expect(r.rejected).toEqual([false, false]);
    expect(r.level).toEqual([null, null]);
  });
});
