import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InternalApiClient, InternalApiError } from './internal-api';
import { RetryableError, withRetry } from './retry';

const noSleep = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, sleep: async () => {} };

/** A real HTTP server on loopback answering from a script, one entry per request. */
async function scriptedServer(
  script: ((req: IncomingMessage, body: string) => [number, unknown])[],
) {
  const seen: { method: string; url: string; key: string | undefined; body: string }[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      key: req.headers['x-service-key'] as string | undefined,
      body,
    });
    const step = script[Math.min(seen.length - 1, script.length - 1)];
    const [status, answer] = step ? step(req, body) : [500, {}];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('InternalApiClient', () => {
  let close: (() => Promise<unknown>) | undefined;
  afterEach(async () => close?.());

  it('refuses an empty service key at construction', () => {
    expect(() => new InternalApiClient({ authUrl: 'http://x', serviceKey: '' })).toThrow(
      /service key/,
    );
  });

  it('retries 5xx and 429 with the same body, then succeeds', async () => {
    const server = await scriptedServer([
      () => [503, {}],
      () => [429, {}],
      () => [200, { inserted: 1, duplicates: 0 }],
    ]);
    close = server.close;
    const client = new InternalApiClient({ authUrl: server.url, serviceKey: 'k', retry: noSleep });
    const rows = [
      {
        tickId: 't',
        index: 0,
        toolName: 'todo.list',
        module: 'todo',
        spaceId: 's',
        result: 'ok' as const,
      },
    ];
    expect(await client.postActions('p1', rows)).toEqual({ inserted: 1, duplicates: 0 });
    expect(server.seen.map((r) => r.url)).toEqual(
      Array(3).fill('/api/v1/internal/personas/p1/actions'),
    );
    expect(new Set(server.seen.map((r) => r.body)).size).toBe(1);
    expect(server.seen.every((r) => r.key === 'k')).toBe(true);
  });

  it('does not retry a refusal (4xx) and gives up after the attempts on 5xx', async () => {
    const refusing = await scriptedServer([() => [400, { error: { code: 'VALIDATION_FAILED' } }]]);
    close = refusing.close;
    const client = new InternalApiClient({
      authUrl: refusing.url,
      serviceKey: 'k',
      retry: noSleep,
    });
    await expect(
      client.putTick('p', 't', { status: 'ok', startedAt: new Date().toISOString() }),
    ).rejects.toBeInstanceOf(InternalApiError);
    expect(refusing.seen).toHaveLength(1);
    await refusing.close();
    const failing = await scriptedServer([() => [502, {}]]);
    close = failing.close;
    const flaky = new InternalApiClient({ authUrl: failing.url, serviceKey: 'k', retry: noSleep });
    await expect(flaky.due()).rejects.toBeInstanceOf(RetryableError);
    expect(failing.seen).toHaveLength(4);
  });

  it('retries when nothing listens, and splits batches at the server’s limits', async () => {
    const down = new InternalApiClient({
      authUrl: 'http://127.0.0.1:9',
      serviceKey: 'k',
      retry: noSleep,
    });
    await expect(down.due()).rejects.toThrow(/ECONNREFUSED|fetch failed/);
    const server = await scriptedServer([
      (_, body) => [
        200,
        { inserted: (JSON.parse(body) as { actions: unknown[] }).actions.length, duplicates: 0 },
      ],
    ]);
    close = server.close;
    const client = new InternalApiClient({ authUrl: server.url, serviceKey: 'k', retry: noSleep });
    const rows = Array.from({ length: 1201 }, (_, i) => ({
      tickId: 't',
      index: i,
      toolName: 'todo.list',
      module: 'todo',
      spaceId: 's',
      result: 'ok' as const,
    }));
    expect(await client.postActions('p', rows)).toEqual({ inserted: 1201, duplicates: 0 });
    expect(
      server.seen.map((r) => (JSON.parse(r.body) as { actions: unknown[] }).actions.length),
    ).toEqual([500, 500, 201]);
  });
});

describe('withRetry', () => {
  it('backs off exponentially up to the cap', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new RetryableError('down');
        },
        {
          attempts: 6,
          baseDelayMs: 100,
          maxDelayMs: 500,
          sleep: async (ms) => void waits.push(ms),
        },
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(6);
    expect(waits).toEqual([100, 200, 400, 500, 500]);
  });
});
