import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryingFetch } from './retrying-fetch';

const answers = (...statuses: [number, Record<string, string>?][]) => {
  const seen: number[] = [];
  const inner = (async () => {
    const [status, headers] = statuses[Math.min(seen.length, statuses.length - 1)] ?? [200];
    seen.push(status);
    return new Response('{}', { status, headers: headers ?? {} });
  }) as typeof fetch;
  return { inner, seen };
};

describe('retryingFetch', () => {
  it('reads retry-after-ms, retry-after seconds and dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2_000);
    const now = Date.parse('2026-12-05T09:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 05 Dec 2026 09:00:03 GMT' }), now)).toBe(
      3_000,
    );
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('retries a 429 or 5xx at most maxRetries times, then answers the last error', async () => {
    const { inner, seen } = answers(
      [429, { 'retry-after': '0' }],
      [503],
      [429, { 'retry-after-ms': '1' }],
    );
    const response = await retryingFetch({ maxRetries: 2, baseDelayMs: 1 }, inner)('http://x');
    expect(response.status).toBe(429);
    expect(seen).toEqual([429, 503, 429]);
  });

  it('answers at once when the server asks for a wait past the cap', async () => {
    const { inner, seen } = answers([429, { 'retry-after': '30' }], [200]);
    const response = await retryingFetch(
      { maxRetries: 3, maxRetryAfterMs: 1_000 },
      inner,
    )('http://x');
    expect([response.status, seen]).toEqual([429, [429]]);
  });

  it('does not retry a success or a client error', async () => {
    const ok = answers([200]);
    expect((await retryingFetch({}, ok.inner)('http://x')).status).toBe(200);
    const bad = answers([400], [200]);
    expect((await retryingFetch({}, bad.inner)('http://x')).status).toBe(400);
    expect(bad.seen).toEqual([400]);
  });

  it('stops waiting when the request is aborted', async () => {
    const { inner, seen } = answers([429, { 'retry-after': '4' }], [200]);
    const controller = new AbortController();
    const pending = retryingFetch({ maxRetryAfterMs: 5_000 }, inner)('http://x', {
      signal: controller.signal,
    });
    controller.abort(new Error('day over'));
    await expect(pending).rejects.toThrow();
    expect(seen).toEqual([429]);
  });
});
