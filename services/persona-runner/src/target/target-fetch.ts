import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { tracePropagatingFetch } from '../telemetry/tool-span';
import { withOwnSignal } from './with-own-signal';

/**
 * Error codes (on an error or along its `cause` chain) that say the server is gone: the
 * connection was refused, reset or cut off, or its host cannot be reached. A timeout is
 * not one (a slow server is a slow call, not a dead one), nor is an abort (the runner's).
 */
const DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/**
 * Why `error` says the server went away (`connect ECONNREFUSED 127.0.0.1:4321`,
 * `UND_ERR_SOCKET: other side closed`), or undefined when it says something else. undici
 * wraps the network error: `fetch failed` or `terminated`, with it as the `cause`.
 */
export function downCause(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let e = error; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string' || !DOWN_CODES.has(code)) continue;
    if (!e.message) return code;
    return e.message.includes(code) ? e.message : `${code}: ${e.message}`;
  }
  return undefined;
}

/**
 * The `fetch` of an HTTP target's transport, for one session:
 * - each request carries the active span's `traceparent` ({@link tracePropagatingFetch}),
 *   so the app's spans join the persona-day's trace;
 * - each request gets a signal of its own that aborts with the transport's
 *   ({@link withOwnSignal}): otherwise Node warns `MaxListenersExceededWarning` after
 *   ~1500 calls over one transport;
 * - a request that fails, or an SSE answer whose stream breaks, because the server went
 *   away ({@link downCause}) calls `onDown` with the error. The SDK reports a broken
 *   stream only as text and leaves a call waiting on it to its deadline; this keeps the
 *   cause and lets the caller close the session at once.
 */
export function targetFetch(
  onDown: (error: unknown) => void,
  base = tracePropagatingFetch,
): FetchLike {
  const watch = (error: unknown, signal: AbortSignal | undefined) => {
    if (!signal?.aborted && downCause(error)) onDown(error);
  };
  return async (url, init) => {
    const own = withOwnSignal(init);
    const signal = own?.signal ?? undefined;
    let response: Response;
    try {
      response = await base(url, own);
    } catch (error) {
      watch(error, signal);
      throw error;
    }
    const body = response.body;
    if (body && response.headers.get('content-type')?.includes('text/event-stream')) {
      // The SDK reads an SSE answer from `response.body`; a JSON one through `json()`,
      // whose failure reaches the transport's `onerror` with its cause.
      Object.defineProperty(response, 'body', { value: watched(body, (e) => watch(e, signal)) });
    }
    return response;
  };
}

/** `stream`, reporting the error it fails with (if any) to `onError` before passing it on. */
function watched(
  stream: ReadableStream<Uint8Array>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}
