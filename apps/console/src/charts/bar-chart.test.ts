import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart';

function widths(html: string): number[] {
  return [...html.matchAll(/<rect class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
}

describe('barChart', () => {
  it('draws one row per bar, scaled to the largest value, with labels and values', () => {
    const html = String(
      barChart({
        id: 'b',
        title: 'Error rate per tool',
        bars: [
          { label: 'journal.create_entry', value: 0.5, valueLabel: '50.0 %', tone: 'bad' },
          { label: 'journal.list', value: 0.25, valueLabel: '25.0 %', detail: '1 of 4 calls' },
        ],
        testId: 'chart-tool-errors',
      }),
    );
    expect(html).toContain('data-testid="chart-tool-errors"');
    expect(html).toContain('<title id="b-title">Error rate per tool</title>');
    const [a, b] = widths(html);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeCloseTo((a as number) / 2, 1);
    expect(html).toContain('journal.list: 25.0 % (1 of 4 calls)');
    expect(html).toContain('tone-bad');
  });

  it('keeps zero values as empty bars and uses a given maximum', () => {
    const html = String(
      barChart({
        id: 'b',
        title: 't',
        max: 1,
        bars: [
          { label: 'a', value: 0 },
          { label: 'b', value: 1 },
        ],
      }),
    );
    const [zero, full] = widths(html);
    expect(zero).toBe(0);
    expect(full).toBeGreaterThan(0);
  });

  it('shortens long labels and keeps the full one in the tooltip', () => {
    const label = 'research.summarize_sources_for_a_long_name';
    const html = String(barChart({ id: 'b', title: 't', bars: [{ label, value: 1 }] }));
    expect(html).toContain('…</text>');
    expect(html).toContain(`<title>${label}: 1.00</title>`);
  });

  it('says so when there are no bars', () => {
    const html = String(barChart({ id: 'b', title: 't', bars: [], emptyText: 'No calls' }));
    expect(html).toContain('No calls');
    expect(widths(html)).toEqual([]);
  });
});
