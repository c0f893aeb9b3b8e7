import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { jsonOnly } from './index';

function app() {
  const a = new Hono();
  a.onError((err, c) =>
    err instanceof ApiError ? c.json({ code: err.code }, err.status as 415) : c.text('boom', 500),
  );
  a.use('*', jsonOnly());
  a.all('*', (c) => c.text('ok'));
  return a;
}

describe('jsonOnly', () => {
  it('refuses a text/plain or form body with 415 (what a cross-site page can post)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await app().request('/x', {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'a=1',
      });
      expect(res.status).toBe(415);
    }
  });

  it('takes JSON and +json bodies', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'application/merge-patch+json',
    ]) {
      const res = await app().request('/x', {
        method: 'PUT',
        headers: { 'content-type': type },
        body: '{}',
      });
      expect(res.status).toBe(200);
    }
  });

  it('lets requests without a body through: GET, and a DELETE that sends none', async () => {
    expect((await app().request('/x')).status).toBe(200);
    expect((await app().request('/x', { method: 'DELETE' })).status).toBe(200);
    expect(
      (await app().request('/x', { method: 'DELETE', headers: { 'content-length': '0' } })).status,
    ).toBe(200);
  });
});
