import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  COMMON_ERROR_CODES,
  createErrorHandler,
  defineErrorCodes,
  notFoundHandler,
} from './errors';
import { silentLogger } from './logger';
import { validBody } from './validate';

const fail = defineErrorCodes({
  ...COMMON_ERROR_CODES,
  THING_NOT_FOUND: { status: 404, message: 'No such thing' },
});

function app() {
  const a = new Hono();
  a.get('/thing', () => {
    throw fail('THING_NOT_FOUND');
  });
  a.get('/custom', () => {
    throw fail('CONFLICT', 'Already there');
  });
  a.get('/hono', () => {
    throw new HTTPException(401, { message: 'nope' });
  });
  a.get('/crash', () => {
    throw new Error('secret internals at /srv/app.ts:12');
  });
  a.post('/body', async (c) =>
    c.json(await validBody(c, z.object({ name: z.string(), age: z.number().int() }))),
  );
  a.onError(createErrorHandler(silentLogger()));
  a.notFound(notFoundHandler);
  return a;
}

describe('JSON errors', () => {
  it('renders declared codes with their status and default or given message', async () => {
    const thing = await app().request('/thing');
    expect(thing.status).toBe(404);
    expect(await thing.json()).toEqual({
      error: { code: 'THING_NOT_FOUND', message: 'No such thing' },
    });
    const custom = await app().request('/custom');
    expect(custom.status).toBe(409);
    expect(await custom.json()).toEqual({ error: { code: 'CONFLICT', message: 'Already there' } });
  });

  it('maps other HTTP errors by status and hides everything else behind a bare 500', async () => {
    expect(await (await app().request('/hono')).json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'nope' },
    });
    const crash = await app().request('/crash');
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side' },
    });
  });

  it('names every offending field of a body, and refuses broken JSON', async () => {
    const bad = await app().request('/body', {
      method: 'POST',
      body: JSON.stringify({ age: 1.5 }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { message: string; fields: { path: string }[] } };
    expect(body.error.fields.map((f) => f.path)).toEqual(['name', 'age']);
    expect(body.error.message).toMatch(/^Invalid request body: name \(.+\); age \(.+\)$/);
    const broken = await app().request('/body', { method: 'POST', body: '{' });
    expect(await broken.json()).toEqual({
      error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app().request('/missing');
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /missing' },
    });
  });
});
