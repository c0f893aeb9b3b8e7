import { describe, expect, it } from 'vitest';
import { parseCompareSpec, resolvePeriod } from './release-periods';

const releases = [
  { name: 'v1.4', at: '2026-03-10T00:00:00.000Z', note: null, createdBy: 'ci' },
  { name: 'v1.3', at: '2026-03-01T00:00:00.000Z', note: null, createdBy: 'ci' },
];
const asOf = new Date('2026-03-20T12:00:00.000Z');

describe('release periods', () => {
  it('splits before..after and refuses anything else', () => {
    expect(parseCompareSpec('v1.3..v1.4')).toEqual(['v1.3', 'v1.4']);
    expect(parseCompareSpec('v1.3')).toBeNull();
    expect(parseCompareSpec('..v1.4')).toBeNull();
    expect(parseCompareSpec('a..b..c')).toBeNull();
  });

  it('runs a release to the next marker, the newest to the latest data', () => {
    expect(resolvePeriod('v1.3', releases, asOf)).toEqual({
      label: 'v1.3',
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-03-10T00:00:00.000Z',
    });
    expect(resolvePeriod('v1.4', releases, asOf)).toEqual({
      label: 'v1.4',
      start: '2026-03-10T00:00:00.000Z',
      end: '2026-03-20T12:00:00.001Z',
    });
  });

  it('reads <ISO>/<ISO> spans and names what does not resolve', () => {
    expect(resolvePeriod('2026-03-01T00:00Z/2026-03-02T00:00Z', releases, asOf)).toMatchObject({
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-03-02T00:00:00.000Z',
    });
    expect(resolvePeriod('2026-03-02/2026-03-01', releases, asOf)).toHaveProperty('error');
    expect(resolvePeriod('v2', releases, asOf)).toEqual({
      error: 'no release marker is named "v2"',
    });
  });
});
