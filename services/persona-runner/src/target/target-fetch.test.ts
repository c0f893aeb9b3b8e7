// Regression: after ~1500 calls over one Streamable HTTP client transport Node warned
// `MaxListenersExceededWarning: Possible EventTarget memory leak detected. 1501 abort
// listeners added to [AbortSignal]`. The SDK's transport passes its one AbortController's
// signal to every fetch; undici adds an abort listener per request and drops it only when
// the request is garbage-collected. `targetFetch` gives each request a signal of its own.

import { getEventListeners } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHttpMcpServer, type TestHttpMcpServer } from '../testing/http-mcp-server';
import { downCause, targetFetch } from './target-fetch';
import { withOwnSignal } from './with-own-signal';

/** Past undici's 1500 (it raises a request signal's limit from Node's 10 to that). */
const CALLS = 1_550;

/** Makes `CALLS` tool calls over one client; answers the abort-listener warnings Node gave. */
async function warningsOf(url: string, fetch?: FetchLike): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => {
    if (warning.name === 'MaxListenersExceededWarning' && /abort listeners/.test(warning.message)) {
      warnings.push(warning.message);
    }
  };
  process.on('warning', onWarning);
  const client = new Client({ name: 'listener-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), fetch ? { fetch } : {}));
  try {
    for (let i = 0; i < CALLS; i++) {
      await client.callTool({ name: 'notes.list', arguments: {} });
    }
    // Node emits warnings on the next tick.
    await new Promise((done) => setImmediate(done));
  } finally {
    await client.close();
    process.off('warning', onWarning);
  }
  return warnings;
}

describe('targetFetch', () => {
  let server: TestHttpMcpServer;
  beforeAll(async () => {
    server = await startTestHttpMcpServer();
  });
  afterAll(() => server?.close());

  it("leaves no listener on the transport's signal; each request's aborts with it", async () => {
    let transportSignal: AbortSignal | undefined;
    const requestSignals: AbortSignal[] = [];
    const base: FetchLike = (input, init) => {
      if (init?.signal) requestSignals.push(init.signal);
      return fetch(input, init);
    };
    const own = targetFetch(() => {}, base);
    const client = new Client({ name: 'listener-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(server.url), {
        fetch: (input, init) => {
          transportSignal ??= init?.signal ?? undefined;
          return own(input, init);
        },
      }),
    );
    for (let i = 0; i < 40; i++) await client.callTool({ name: 'notes.list', arguments: {} });
    if (!transportSignal) throw new Error('the transport passed no signal');
    expect(getEventListeners(transportSignal, 'abort')).toEqual([]);
    expect(requestSignals.length).toBeGreaterThan(40);
    expect(new Set(requestSignals).size).toBe(requestSignals.length);
    expect(requestSignals).not.toContain(transportSignal);
    await client.close();
    expect(requestSignals.every((signal) => signal.aborted)).toBe(true);
  });

  // Reproduced without targetFetch: the same calls warned from the 1501st request on.
  it(`${CALLS} calls over one client give no MaxListenersExceededWarning`, {
    timeout: 60_000,
  }, async () => {
    expect(
      await warningsOf(
        server.url,
        targetFetch(() => {}),
      ),
    ).toEqual([]);
  });
});

describe('downCause', () => {
  const network = (message: string, code: string) => Object.assign(new Error(message), { code });

  it('finds the network error undici wraps', () => {
    const refused = new TypeError('fetch failed', {
      cause: network('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'),
    });
    expect(downCause(refused)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    const cut = new TypeError('terminated', {
      cause: network('other side closed', 'UND_ERR_SOCKET'),
    });
    expect(downCause(cut)).toBe('UND_ERR_SOCKET: other side closed');
  });

  it('is undefined for what is not the server going away', () => {
    expect(downCause(new DOMException('aborted', 'AbortError'))).toBeUndefined();
    expect(downCause(network('headers timeout', 'UND_ERR_HEADERS_TIMEOUT'))).toBeUndefined();
    expect(downCause(new Error('Error POSTing to endpoint: 500'))).toBeUndefined();
    expect(downCause('ECONNREFUSED')).toBeUndefined();
  });
});

describe('withOwnSignal', () => {
  it('gives a request a fresh signal that aborts with the given one, adding it no listener', () => {
    const transport = new AbortController();
    const init = withOwnSignal({ method: 'POST', signal: transport.signal });
    expect(init?.method).toBe('POST');
    expect(init?.signal).not.toBe(transport.signal);
    expect(getEventListeners(transport.signal, 'abort')).toEqual([]);
    transport.abort(new Error('closed'));
    expect(init?.signal?.aborted).toBe(true);
    expect(init?.signal?.reason).toEqual(new Error('closed'));
  });

  it('leaves a request without a signal as it is', () => {
    expect(withOwnSignal(undefined)).toBeUndefined();
    const init = { method: 'GET' };
    expect(withOwnSignal(init)).toBe(init);
  });
});
