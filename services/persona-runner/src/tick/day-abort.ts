/** A persona's day ran past `PERSONA_TICK_TIMEOUT_MS`. */
export class DayTimeoutError extends Error {
  constructor(ms: number) {
    super(`the persona's day timed out after ${ms} ms`);
    this.name = 'DayTimeoutError';
  }
}

/**
 * The signal a persona's day runs under: aborted with a {@link DayTimeoutError} after
 * `timeoutMs`, as soon as the runner's `shutdown` signal aborts (at once if it already
 * has), or with the reason given to `fail`. Call `release()` when the day ends, so
 * neither fires afterwards.
 *
 * @example
 * const abort = dayAbort(deps.timeoutMs, deps.shutdown);
 * try { await abortable(work(), abort.signal); } finally { abort.release(); }
 */
export function dayAbort(
  timeoutMs: number,
  shutdown: AbortSignal,
): { signal: AbortSignal; fail: (reason: Error) => void; release: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DayTimeoutError(timeoutMs)), timeoutMs);
  // The signal's own reason when it gives one (a lost lease says so); else the shutdown.
  const onShutdown = () =>
    controller.abort(
      shutdown.reason instanceof Error ? shutdown.reason : new Error('the runner is shutting down'),
    );
  if (shutdown.aborted) onShutdown();
  shutdown.addEventListener('abort', onShutdown, { once: true });
  return {
    signal: controller.signal,
    fail: (reason) => controller.abort(reason),
    release: () => {
      clearTimeout(timer);
      shutdown.removeEventListener('abort', onShutdown);
    },
  };
}
