import { describe, expect, it } from 'vitest';
import { bandPosition, dayRange, labelIndexes, linearScale, linePath, runs } from './scale';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted for SVG y', () => {
    const y = linearScale([1, 5], [200, 0]);
    expect(y(1)).toBe(200);
    expect(y(5)).toBe(0);
    expect(y(3)).toBe(100);
  });

  it('maps a flat domain to the middle instead of dividing by zero', () => {
    expect(linearScale([2, 2], [0, 100])(2)).toBe(50);
  });
});

describe('bandPosition', () => {
  it('spreads categories from edge to edge and centres a single one', () => {
    expect([0, 1, 2].map((i) => bandPosition(i, 3, 0, 100))).toEqual([0, 50, 100]);
    expect(bandPosition(0, 1, 0, 100)).toBe(50);
  });
});

describe('labelIndexes', () => {
  it('keeps every label when there is room', () => {
    expect(labelIndexes(4, 10)).toEqual([0, 1, 2, 3]);
  });

  it('thins labels out but always keeps the last (latest) one', () => {
    const picked = labelIndexes(28, 7);
    expect(picked.length).toBeLessThanOrEqual(7);
    expect(picked.at(-1)).toBe(27);
  });

  it('has nothing to label without categories', () => {
    expect(labelIndexes(0, 5)).toEqual([]);
  });
});

describe('dayRange', () => {
  it('lists every UTC day inclusive, across a month end', () => {
    expect(dayRange('2026-02-27T18:00:00Z', '2026-03-02T01:00:00Z')).toEqual([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
  });

  it('is empty when the end is before the start, and capped to the latest days', () => {
    expect(dayRange('2026-03-02', '2026-03-01')).toEqual([]);
    expect(dayRange('2025-01-01', '2026-01-01', 3)).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
    ]);
  });
});

describe('runs', () => {
  it('splits values at gaps', () => {
    expect(runs([1, null, 2, 3, null])).toEqual([
      [{ i: 0, v: 1 }],
      [
        { i: 2, v: 2 },
        { i: 3, v: 3 },
      ],
    ]);
    expect(runs([null, Number.NaN])).toEqual([]);
  });
});

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest', () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 10.123, y: 2 },
      ]),
    ).toBe('M0 1 L10.12 2');
  });
});
