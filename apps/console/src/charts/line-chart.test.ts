import { describe, expect, it } from 'vitest';
import { lineChart, segments } from './line-chart';

const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];

function render(options: Partial<Parameters<typeof lineChart>[0]> = {}): string {
  return String(
    lineChart({ id: 't', title: 'Mean rating', categories: days, series: [], ...options }),
  );
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

describe('lineChart', () => {
  it('draws one line per series with a legend and a titled marker per value', () => {
    const html = render({
      series: [
        { name: 'journal', points: days.map((x, i) => ({ x, y: 4 - i * 0.5, count: 3 })) },
        { name: 'todo', href: '/modules/todo', points: days.map((x) => ({ x, y: 4 })) },
      ],
    });
    expect(html).toMatch(
      /^<figure class="line-chart-figure"><svg[^>]*role="img"[^>]*aria-labelledby="t-title"/,
    );
    expect(html).toContain('<title id="t-title">Mean rating</title>');
    expect(count(html, /class="line"/g)).toBe(2);
    expect(count(html, /<circle class="point"/g)).toBe(8);
    expect(html).toContain('journal · 2026-03-02: 3.50 (3 ratings)');
    expect(html).toContain('<a href="/modules/todo">');
    expect(count(html, /class="legend-item"/g)).toBe(2);
  });

  it('labels the 1–5 rating axis', () => {
    const html = render({ series: [{ name: 'a', points: [{ x: days[0] as string, y: 3 }] }] });
    for (const tick of ['1', '2', '3', '4', '5']) {
      expect(html).toContain(`text-anchor="end">${tick}</text>`);
    }
  });

  it('breaks a line at a missing day and bridges the gap with a dashed connector', () => {
    const html = render({
      series: [
        {
          name: 'notes',
          points: [
            { x: '2026-03-01', y: 4 },
            { x: '2026-03-02', y: 3 },
            { x: '2026-03-04', y: 2 },
          ],
        },
      ],
    });
    expect(count(html, /class="line"/g)).toBe(1);
    expect(count(html, /class="gap"/g)).toBe(1);
    expect(count(html, /<circle class="point"/g)).toBe(3);
  });

  it('draws a single value as a lone marker without a path', () => {
    const html = render({ series: [{ name: 'mood', points: [{ x: '2026-03-03', y: 2.5 }] }] });
    expect(count(html, /<path/g)).toBe(0);
    expect(count(html, /<circle class="point"/g)).toBe(1);
  });

  it('says so when there is no data at all', () => {
    const html = render({ series: [], emptyText: 'No ratings in this window' });
    expect(html).toContain('No ratings in this window');
    expect(count(html, /<circle/g)).toBe(0);
  });

  it('ignores points outside the categories and clamps values to the axis', () => {
    const html = render({
      series: [
        {
          name: 'x',
          points: [
            { x: '2025-01-01', y: 3 },
            { x: '2026-03-01', y: 9 },
          ],
        },
      ],
    });
    expect(count(html, /<circle class="point"/g)).toBe(1);
    expect(html).toContain('x · 2026-03-01: 5.00');
  });

  it('adds a strip with the count of each day', () => {
    const html = render({
      showCounts: true,
      series: [{ name: 'todo', points: [{ x: '2026-03-02', y: 3, count: 7 }] }],
    });
    expect(html).toContain('class="counts"');
    expect(html).toContain('<title>2026-03-02: 7 ratings</title>');
  });

  it('escapes series names', () => {
    const html = render({ series: [{ name: '<script>', points: [{ x: '2026-03-01', y: 3 }] }] });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('lineChart for an operator', () => {
  const points = (ys: number[], counts: number[]) =>
    days.map((x, i) => ({ x, y: ys[i] ?? null, count: counts[i] ?? 0 }));

  it('highlights the alerting series and mutes the others, in the SVG and the legend', () => {
    const html = render({
      series: [
        { name: 'todo', points: points([4, 4, 4, 4], [9, 9, 9, 9]) },
        { name: 'notes', highlight: true, points: points([4, 3, 2, 2], [9, 9, 9, 9]) },
      ],
    });
    expect(html).toContain('<g class="series lc-s0 muted" data-series="todo">');
    expect(html).toContain('<g class="series lc-s1 highlight" data-series="notes">');
    expect(html).toContain('class="legend-item highlight" data-series="notes"');
    expect(html).toContain('class="legend-item muted" data-series="todo"');
  });

  it('puts a checkbox per series in the legend that the stylesheet ties to its line', () => {
    const html = render({
      series: [
        { name: 'todo', href: '/modules/todo', points: points([4], [5]) },
        { name: 'notes', points: points([3], [5]) },
      ],
    });
    expect(count(html, /<input type="checkbox" class="lc-t\d+" checked=""/g)).toBe(2);
    expect(html).toContain('<a href="/modules/todo">todo</a>');
    expect(html).not.toMatch(/class="series[^"]*(muted|highlight)/);
  });

  it('marks the estimated onset with a vertical line, leaving out markers off the axis', () => {
    const html = render({
      series: [{ name: 'notes', points: points([4, 4, 2, 2], [9, 9, 9, 9]) }],
      markers: [
        { x: '2026-03-03', label: 'onset' },
        { x: '2025-01-01', label: 'old' },
      ],
    });
    expect(count(html, /<g class="marker"/g)).toBe(1);
    expect(html).toMatch(
      /<g class="marker" data-marker="2026-03-03"><line x1="720" x2="720"[^>]*><\/line><text[^>]*>onset<\/text>/,
    );
  });

  it('draws values on fewer than minCount observations hollow, with dashed segments', () => {
    const html = render({
      minCount: 6,
      series: [{ name: 'notes', points: points([4, 4, 1, 4], [20, 20, 2, 20]) }],
    });
    expect(count(html, /<circle class="point small"[^>]*fill="#fff"/g)).toBe(1);
    expect(count(html, /<circle class="point" /g)).toBe(3);
    expect(count(html, /class="line small"/g)).toBe(1);
    expect(count(html, /class="line"/g)).toBe(1);
    expect(html).toContain('Hollow points: fewer than 6 ratings that day');
    expect(
      render({ minCount: 6, series: [{ name: 'x', points: points([4], [9]) }] }),
    ).not.toContain('Hollow points');
  });
});

describe('segments', () => {
  it('merges neighbouring segments of one kind', () => {
    const run = [0, 1, 2, 3, 4].map((i) => ({ i, v: i }));
    const out = segments(run, (i) => i === 3);
    expect(out.map((s) => [s.small, s.points.map((p) => p.i)])).toEqual([
      [false, [0, 1, 2]],
      [true, [2, 3, 4]],
    ]);
  });
});
