import { type AccessClaims, HEADERS } from '@mana/contracts';
import { createErrorHandler, silentLogger } from '@mana/http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { GatewayEnv } from '../context';
import { createGatewayMetrics } from '../metrics';
import type { CallerSpace } from '../space-resolver';
import { selectSpace } from './space';

const caller: AccessClaims = {
  userId: 'anna',
  email: 'anna@mana.test',
  kind: 'persona',
  role: 'user',
};
const personal: CallerSpace = { id: 'anna-personal', type: 'personal', role: 'owner' };
const family: CallerSpace = { id: 'anna-ben', type: 'family', role: 'owner' };

/** `selectSpace` after a stand-in for requireCaller that found these spaces. */
function app(memberships: CallerSpace[]) {
  const metrics = createGatewayMetrics();
  const a = new Hono<GatewayEnv>();
  a.post(
    '/mcp',
    async (c, next) => {
      c.set('caller', caller);
      c.set('callerSpaces', memberships);
      await next();
    },
    selectSpace({ metrics }),
    (c) => {
      const modules = c.get('modules');
      return c.json({ spaceId: c.get('spaceId'), modules: modules ? [...modules] : null });
    },
  );
  a.onError(createErrorHandler(silentLogger()));
  return { a, metrics };
}

const post = (a: Hono<GatewayEnv>, headers: Record<string, string> = {}) =>
  a.request('/mcp', { method: 'POST', headers });

describe('selectSpace', () => {
  it('acts in the personal space by default, and says so in X-Mana-Space', async () => {
    const response = await post(app([family, personal]).a);
    expect(await response.json()).toEqual({ spaceId: 'anna-personal', modules: null });
    expect(response.headers.get(HEADERS.space)).toBe('anna-personal');
  });

  it('acts in a shared space the caller belongs to', async () => {
    const response = await post(app([personal, family]).a, { [HEADERS.space]: ' anna-ben ' });
    expect(await response.json()).toMatchObject({ spaceId: 'anna-ben' });
    expect(response.headers.get(HEADERS.space)).toBe('anna-ben');
  });

  it('refuses a space the caller is not a member of with 403, counted', async () => {
    const { a, metrics } = app([personal]);
    const response = await post(a, { [HEADERS.space]: 'someone-else' });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'FORBIDDEN_SPACE', message: 'You are not a member of space someone-else' },
    });
    expect(await metrics.registry.metrics()).toMatch(
      /mcp_requests_rejected_total\{reason="forbidden_space"\} 1/,
    );
  });

  it('refuses with NO_PERSONAL_SPACE when there is no space to default to', async () => {
    const response = await post(app([family]).a);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'NO_PERSONAL_SPACE', message: 'Your account has no personal space' },
    });
  });

  it('reads X-Mana-Modules as a trimmed set; absent means all', async () => {
    const { a } = app([personal]);
    const narrowed = await post(a, { [HEADERS.modules]: ' todo, journal,,' });
    expect(await narrowed.json()).toMatchObject({ modules: ['todo', 'journal'] });
    const empty = await post(a, { [HEADERS.modules]: '' });
    expect(await empty.json()).toMatchObject({ modules: [] });
  });
});
