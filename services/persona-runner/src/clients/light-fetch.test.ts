import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorKindOfThrown } from './error-kind';
import { lightFetch } from './light-fetch';

describe('lightFetch', () => {
  let server: Server;
  let base: string;
  const seen: { method: string | undefined; body: string; auth: string | undefined }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ method: req.method, body, auth: req.headers.authorization });
        if (req.url === '/none') {
          res.writeHead(204).end();
        } else if (req.url === '/events') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write('data: one\n\n');
          setTimeout(() => res.end('data: two\n\n'), 5);
        } else {
          res.setHeader('set-cookie', ['a=1', 'b=2']);
          res.writeHead(req.url === '/missing' ? 404 : 200, {
            'content-type': 'application/json',
            'mcp-session-id': 'abc',
          });
          res.end(JSON.stringify({ echo: body }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends method, headers and body, and answers a Response fetch would', async () => {
    const response = await lightFetch(`${base}/json`, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' }),
      body: '{"x":1}',
    });
    expect(response).toBeInstanceOf(Response);
    expect(response.ok).toBe(true);
    expect(response.headers.get('mcp-session-id')).toBe('abc');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ echo: '{"x":1}' });
    expect(seen.at(-1)).toEqual({ method: 'POST', body: '{"x":1}', auth: 'Bearer t' });
    const missing = await lightFetch(new URL(`${base}/missing`), { headers: [['x-a', 'b']] });
    expect(missing.status).toBe(404);
    expect(missing.ok).toBe(false);
  });

  it('answers no body where none is allowed, and an event stream as a stream', async () => {
    const none = await lightFetch(`${base}/none`, { method: 'DELETE' });
    expect(none.status).toBe(204);
    expect(none.body).toBeNull();
    const events = await lightFetch(`${base}/events`);
    expect(await events.text()).toBe('data: one\n\ndata: two\n\n');
  });

  it('fails a refused connection with its code (a transport error) and honours aborts', async () => {
    const refused = await lightFetch('http://127.0.0.1:9/').catch((error: unknown) => error);
    expect(errorKindOfThrown(refused)).toBe('transport');
    const aborted = lightFetch(`${base}/events`, { signal: AbortSignal.abort() });
    await expect(aborted).rejects.toThrow();
  });
});
