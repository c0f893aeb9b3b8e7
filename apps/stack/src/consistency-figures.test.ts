import { describe, expect, it } from 'vitest';
import { consistencyFigures, formatConsistency, type TryDay } from './consistency-figures';

const day = (
  tickId: string,
  ratings: Record<string, number>,
  checks: Record<string, [made: number, failed: number]> = {},
): TryDay => ({
  tickId,
  persona: 'anna@mana.test',
  ratings,
  checks: Object.fromEntries(
    Object.entries(checks).map(([m, [made, failed]]) => [m, { made, failed }]),
  ),
});

describe('consistencyFigures', () => {
  it('is pass^k: days whose checks passed in all k tries, over days checked in any', () => {
    const tries = [
      [
        day('d1', { todo: 4 }, { todo: [2, 0] }),
        day('d2', { todo: 3 }, { todo: [1, 0] }),
        day('d3', { todo: 2 }, { todo: [1, 1] }),
      ],
      [
        day('d1', { todo: 4 }, { todo: [2, 0] }),
        day('d2', { todo: 5 }, { todo: [1, 1] }),
        day('d3', { todo: 2 }, { todo: [1, 1] }),
      ],
      [
        day('d1', { todo: 4 }, { todo: [1, 0] }),
        day('d2', { todo: 4 }),
        day('d3', { todo: 2 }, { todo: [1, 1] }),
      ],
    ];
    const f = consistencyFigures(tries);
    expect(f.tries).toBe(3);
    const [row] = f.rows;
    expect(row).toMatchObject({
      persona: 'anna@mana.test',
      module: 'todo',
      ratedDays: 3,
      checkedDays: 3,
    });
    // d1 passed every time; d2 failed once and made no check once; d3 never passed.
    expect(row?.passK).toBe(0.333);
    expect(row?.passAtK).toBe(0.667);
    // Ratings: d1 4,4,4 · d2 3,5,4 · d3 2,2,2.
    expect(row?.ratingMean).toBe(3.333);
    expect(row?.ratingRange).toBe(2);
    expect(row?.ratingSd).toBeCloseTo(Math.sqrt(2 / 3) / 3, 3);
    expect(f.overall.passK).toBe(0.333);
  });

  it('identical tries have no spread and pass^k equal to pass@k', () => {
    const one = [day('d1', { todo: 4, journal: 2 }, { todo: [1, 0] })];
    const f = consistencyFigures([one, one]);
    expect(f.rows.map((r) => [r.module, r.ratingSd, r.ratingRange, r.passK])).toEqual([
      ['journal', 0, 0, null],
      ['todo', 0, 0, 1],
    ]);
    expect(formatConsistency(f).join('\n')).toMatch(/pass\^2/);
  });

  it('counts a day rated in only some tries in neither spread nor mean', () => {
    const f = consistencyFigures([[day('d1', { todo: 5 })], [day('d1', {})]]);
    expect(f.rows[0]).toMatchObject({ ratedDays: 0, ratingMean: null, ratingSd: null });
  });
});
