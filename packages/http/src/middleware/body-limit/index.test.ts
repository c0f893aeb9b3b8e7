import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { declaredBodyLimit } from './index';

const app = new Hono();
app.post(
  '/echo',
  declaredBodyLimit({ maxSize: 10, onError: (c) => c.json({ error: 'too large' }, 413) }),
  async (c) => c.text(await c.req.text()),
);

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  app.request('/echo', { method: 'POST', body, headers });

describe('declaredBodyLimit', () => {
  it('passes a body within the limit, unread, to the route', async () => {
    const response = await post('0123456789', { 'content-length': '10' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('0123456789');
  });

  it('refuses a body whose Content-Length is over the limit', async () => {
    const response = await post('01234567890', { 'content-length': '11' });
    expect(response.status).toBe(413);
  });

  it('decides from the declared length without reading the body', async () => {
    // Only the declared length can refuse this: the body itself is short.
    const response = await post('abc', { 'content-length': '11' });
    expect(response.status).toBe(413);
  });

  it('refuses an over-long chunked body (no Content-Length) as it streams', async () => {
    const chunks = ['012345', '678901'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(chunk));
      },
    });
    const response = await app.request('/echo', {
      method: 'POST',
      body: stream,
      // @ts-expect-error Node's fetch needs duplex for a stream body
      duplex: 'half',
    });
    expect(response.status).toBe(413);
  });

  it('passes a chunked body within the limit', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('short'));
        controller.close();
      },
    });
    // @ts-expect-error Node's fetch needs duplex for a stream body
    const response = await app.request('/echo', { method: 'POST', body: stream, duplex: 'half' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('short');
  });
});
