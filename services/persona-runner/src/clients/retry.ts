/** How {@link withRetry} retries. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Waits; tests pass one that does not really sleep. */
  sleep?: (ms: number) => Promise<void>;
}

/** The default: 5 attempts, 250 ms doubling up to 4 s (about 7.5 s in all). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 4000 };

/** An error worth another attempt (network trouble, 5xx, 429). */
export class RetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableError';
  }
}

/** Real waiting. */
export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` until it succeeds, retrying only {@link RetryableError}s with exponential
 * back-off; the last error is thrown when attempts run out. Everything else is thrown
 * at once (a 400 will not get better by asking again).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const sleep = policy.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= policy.attempts) throw error;
      await sleep(Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}
