import { describe, expect, it } from 'vitest';
import { bernoulliChangePoint, meanShiftChangePoint } from './change-point';

const bits = (s: string) => [...s].map((c) => c === '1');

describe('Bernoulli change point', () => {
  it('finds a clean switch', () => {
    const cp = bernoulliChangePoint(bits('000111'));
    expect(cp).toMatchObject({ index: 3, before: 0, after: 1 });
    // Two segments explain it perfectly: LLR = −log L(½ for all 6) = 6 log 2.
    expect(cp?.score).toBeCloseTo(6 * Math.log(2), 12);
  });

  it('finds the onset of a rise inside noise', () => {
    // 3 % failures for 60 calls, then 60 % from call 60 on; the first failure of the
    // new regime is at 61.
    const series = [
      ...bits('000000000000000000001000000000000000000000000000000000000000'),
      ...bits('011011010110110101101101011011010110'),
    ];
    const cp = bernoulliChangePoint(series);
    expect(cp?.index).toBe(61);
    expect(cp?.after).toBeGreaterThan(0.55);
    expect(cp?.before).toBeLessThan(0.02);
  });

  it('has no rise to find in a fall, a constant or a single event', () => {
    expect(bernoulliChangePoint(bits('111000'))).toBeNull();
    expect(bernoulliChangePoint(bits('0000'))).toBeNull();
    expect(bernoulliChangePoint(bits('1'))).toBeNull();
  });
});

describe('mean-shift change point', () => {
  it('finds a rating drop and a latency rise', () => {
    expect(meanShiftChangePoint([5, 5, 4, 5, 1, 2, 1], 'down')).toMatchObject({
      index: 4,
      before: 4.75,
      after: 4 / 3,
    });
    const logs = [10, 11, 9, 10, 12, 10, 40, 44, 38, 41].map(Math.log);
    expect(meanShiftChangePoint(logs, 'up')?.index).toBe(6);
  });

  it('only counts shifts in the asked direction', () => {
    expect(meanShiftChangePoint([1, 1, 5, 5], 'down')).toBeNull();
    expect(meanShiftChangePoint([3, 3, 3], 'up')).toBeNull();
    expect(meanShiftChangePoint([2], 'up')).toBeNull();
  });

  it('scores a perfect split as infinitely likely, a noisy one finitely', () => {
    expect(meanShiftChangePoint([1, 1, 4, 4], 'up')?.score).toBe(Number.POSITIVE_INFINITY);
    const cp = meanShiftChangePoint([1, 2, 1, 4, 5, 4], 'up');
    // SSE = 89/6 around 17/6; split at 3: SSE = 2/3 + 2/3 → LLR = 3·log((89/6)/(4/3)).
    expect(cp?.index).toBe(3);
    expect(cp?.score).toBeCloseTo(3 * Math.log(89 / 6 / (4 / 3)), 10);
  });
});
