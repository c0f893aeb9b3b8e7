/**
 * `init` with a signal of its own that aborts with `init.signal`, for one request of an
 * MCP Streamable HTTP client transport. The SDK's transport passes its one long-lived
 * AbortController's signal to every `fetch`; undici adds an abort listener to a request's
 * signal and drops it only when the request is garbage-collected, so over one transport
 * they pile up until Node warns (`MaxListenersExceededWarning … abort listeners added to
 * [AbortSignal]`, past undici's limit of 1500). `AbortSignal.any` links without a
 * listener on the source, and the request's own signal dies with the request.
 *
 * @example
 * new StreamableHTTPClientTransport(url, { fetch: (u, init) => fetch(u, withOwnSignal(init)) });
 */
export function withOwnSignal(init: RequestInit | undefined): RequestInit | undefined {
  return init?.signal ? { ...init, signal: AbortSignal.any([init.signal]) } : init;
}
