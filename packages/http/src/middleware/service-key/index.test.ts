import { HEADERS } from '@mana/contracts';
import { Hono, type MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError, createErrorHandler } from '../../errors';
import { silentLogger } from '../../logger';
import { hasServiceKey, type ServiceKeyAuthOptions, serviceKeyAuth } from './index';

const KEY = 'service-key-0123456789';

type Who = { Variables: { who: string } };

/** Answers who the guard let in. */
function app(options: Partial<ServiceKeyAuthOptions<Who>> = {}) {
  const a = new Hono<Who>();
  a.use(serviceKeyAuth<Who>({ key: KEY, onAccept: (c) => c.set('who', 'service'), ...options }));
  a.get('/', (c) => c.json({ who: c.get('who') }));
  a.onError(createErrorHandler(silentLogger()));
  return a;
}

const bearerOnly: MiddlewareHandler<Who> = async (c, next) => {
  if (c.req.header('authorization') !== 'Bearer good') {
    throw new ApiError(401, 'UNAUTHORIZED', 'A token is required');
  }
  c.set('who', 'user');
  await next();
};

const get = (a: Hono<Who>, headers: Record<string, string> = {}) => a.request('/', { headers });

describe('serviceKeyAuth', () => {
  it('lets the right key in and runs onAccept', async () => {
    const response = await get(app(), { [HEADERS.serviceKey]: KEY });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ who: 'service' });
  });

  it.each([
    ['absent', {}],
    ['empty', { [HEADERS.serviceKey]: '' }],
    ['wrong', { [HEADERS.serviceKey]: 'nope' }],
    ['a prefix of the key', { [HEADERS.serviceKey]: KEY.slice(0, -1) }],
  ])('answers a JSON 401 when the key is %s', async (_, headers) => {
    const response = await get(app(), headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'A valid X-Service-Key header is required' },
    });
  });

  it('never opens with an empty expected key', async () => {
    expect((await get(app({ key: '' }), { [HEADERS.serviceKey]: '' })).status).toBe(401);
  });

  it('says which of the two failed when given two messages', async () => {
    const a = app({ message: 'Send the key', invalidMessage: 'That key is wrong' });
    expect(await (await get(a)).json()).toMatchObject({ error: { message: 'Send the key' } });
    const wrong = await get(a, { [HEADERS.serviceKey]: 'nope' });
    expect(await wrong.json()).toMatchObject({ error: { message: 'That key is wrong' } });
  });

  describe('with an otherwise guard', () => {
    it('hands requests without the header to it', async () => {
      const a = app({ otherwise: bearerOnly });
      const user = await get(a, { authorization: 'Bearer good' });
      expect(await user.json()).toEqual({ who: 'user' });
      const none = await get(a);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ error: { message: 'A token is required' } });
      expect(await (await get(a, { [HEADERS.serviceKey]: KEY })).json()).toEqual({
        who: 'service',
      });
    });

    it('refuses a wrong key even next to a valid other credential, by default', async () => {
      const a = app({ otherwise: bearerOnly, invalidMessage: 'bad key' });
      const response = await get(a, { [HEADERS.serviceKey]: 'nope', authorization: 'Bearer good' });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { message: 'bad key' } });
    });

    it("treats a wrong key as none with wrongKey: 'otherwise'", async () => {
      const a = app({ otherwise: bearerOnly, wrongKey: 'otherwise' });
      const user = await get(a, { [HEADERS.serviceKey]: 'nope', authorization: 'Bearer good' });
      expect(await user.json()).toEqual({ who: 'user' });
      const neither = await get(a, { [HEADERS.serviceKey]: 'nope' });
      expect(await neither.json()).toMatchObject({ error: { message: 'A token is required' } });
    });
  });
});

describe('hasServiceKey', () => {
  it('is true only for the exact key', async () => {
    const a = new Hono().get('/', (c) => c.json(hasServiceKey(c, KEY)));
    const check = async (headers: Record<string, string>) =>
      (await a.request('/', { headers })).json();
    expect(await check({ [HEADERS.serviceKey]: KEY })).toBe(true);
    expect(await check({ 'X-Service-Key': KEY })).toBe(true);
    expect(await check({ [HEADERS.serviceKey]: `${KEY}x` })).toBe(false);
    expect(await check({})).toBe(false);
  });
});
