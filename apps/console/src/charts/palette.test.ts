import { describe, expect, it } from 'vitest';
import { ciede2000, hexToLab } from './ciede2000';
import { SERIES_COLORS } from './palette';

/** Two series colours closer than this read as one at a glance (two greens, two reds). */
const MIN_DISTANCE = 15;

describe('series palette', () => {
  it('computes CIEDE2000 as Sharma, Wu and Dalal’s test data', () => {
    expect(ciede2000({ L: 50, a: 2.6772, b: -79.7751 }, { L: 50, a: 0, b: -82.7485 })).toBeCloseTo(
      2.0425,
      4,
    );
    expect(ciede2000({ L: 50, a: 2.5, b: 0 }, { L: 73, a: 25, b: -18 })).toBeCloseTo(27.1492, 4);
    expect(ciede2000(hexToLab('#ffffff'), hexToLab('#ffffff'))).toBe(0);
  });

  it('has no look-alike pair: every two colours at least 15 apart (CIEDE2000)', () => {
    const close: string[] = [];
    for (let i = 0; i < SERIES_COLORS.length; i++) {
      for (let j = i + 1; j < SERIES_COLORS.length; j++) {
        const a = SERIES_COLORS[i] as string;
        const b = SERIES_COLORS[j] as string;
        const d = ciede2000(hexToLab(a), hexToLab(b));
        if (d < MIN_DISTANCE) close.push(`${a} ${b}: ${d.toFixed(1)}`);
      }
    }
    expect(close).toEqual([]);
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
  });

  it('would have caught the old palette’s two greens', () => {
    expect(ciede2000(hexToLab('#59a14f'), hexToLab('#2ca02c'))).toBeLessThan(MIN_DISTANCE);
  });
});
