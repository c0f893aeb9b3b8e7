import { setTimeout as sleep } from 'node:timers/promises';

/** How the model client retries a failed request. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Longest wait before a retry; a longer `retry-after` fails at once (default 5 s). */
  maxRetryAfterMs?: number;
  /** First back-off when the server names no wait, doubled each retry (default 500 ms). */
  baseDelayMs?: number;
}

/** Statuses worth another try: rate limits, timeouts, conflicts and server failures. */
const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/** The wait a response asks for (`retry-after-ms`, `retry-after` seconds or a date). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A `fetch` for the model providers that retries a retryable status (429, 5xx, …) at most
 * `maxRetries` times, waiting what `retry-after` asks, capped: a server asking for more
 * than `maxRetryAfterMs` is answered at once with its error, so a rate-limit storm fails
 * the persona in seconds instead of holding a pool slot for minutes. Network errors are
 * not retried here (the day fails and the next tick tries again). The wait ends early
 * when the request's signal aborts. The AI SDK's own retries are turned off
 * (`maxRetries: 0`) so this is the only retry loop.
 */
export function retryingFetch(policy: RetryPolicy = {}, inner: typeof fetch = fetch): typeof fetch {
  const maxRetries = policy.maxRetries ?? 2;
  const cap = policy.maxRetryAfterMs ?? 5_000;
  const base = policy.baseDelayMs ?? 500;
  return async (input, init) => {
    for (let attempt = 0; ; attempt++) {
      const response = await inner(input, init);
      if (!RETRYABLE.has(response.status) || attempt >= maxRetries) return response;
      const asked = retryAfterMs(response.headers);
      if (asked !== undefined && asked > cap) return response;
      await response.body?.cancel().catch(() => undefined);
      await sleep(Math.min(asked ?? base * 2 ** attempt, cap), undefined, {
        ...(init?.signal ? { signal: init.signal } : {}),
      });
    }
  };
}
