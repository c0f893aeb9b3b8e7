import { describe, expect, it } from 'vitest';
import { sparkline } from './sparkline';

describe('sparkline', () => {
  it('draws a line through the values with a dot on the latest', () => {
    const html = String(sparkline({ values: [3, 4, 5], title: 'todo', testId: 'sparkline' }));
    expect(html).toContain('data-testid="sparkline"');
    expect(html.match(/class="line"/g)?.length).toBe(1);
    expect(html.match(/<circle/g)?.length).toBe(1);
    expect(html).toContain('<title>todo</title>');
  });

  it('leaves gaps where values are missing', () => {
    const html = String(sparkline({ values: [3, 4, null, 2, 1], title: 'x' }));
    expect(html.match(/class="line"/g)?.length).toBe(2);
    expect(html).toContain('class="gap"');
  });

  it('shows a single value as a dot and no values as a dashed baseline', () => {
    const single = String(sparkline({ values: [null, 4, null], title: 'x' }));
    expect(single).not.toContain('<path');
    expect(single.match(/<circle/g)?.length).toBe(1);
    const none = String(sparkline({ values: [], title: 'mood' }));
    expect(none).toContain('class="empty-line"');
    expect(none).toContain('<title>mood: no data</title>');
  });
});
