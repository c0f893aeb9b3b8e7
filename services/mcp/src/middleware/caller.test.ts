import type { AccessClaims } from '@mana/contracts';
import { createErrorHandler, silentLogger, type TokenVerifier } from '@mana/http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { GatewayEnv } from '../context';
import { createGatewayMetrics } from '../metrics';
import type { SpaceResolver } from '../space-resolver';
import { requireCaller } from './caller';

const anna: AccessClaims = {
  userId: 'anna',
  email: 'anna@mana.test',
  kind: 'persona',
  role: 'user',
};
const gone: AccessClaims = { ...anna, userId: 'gone' };
const tokens: Record<string, AccessClaims> = { 'anna-token': anna, 'gone-token': gone };
const verifyToken: TokenVerifier = async (token) => (token ? (tokens[token] ?? null) : null);
const spaces: SpaceResolver = {
  spacesOf: async (userId) =>
    userId === 'anna' ? [{ id: 'anna-personal', type: 'personal', role: 'owner' }] : null,
};

function app(resourceMetadataUrl?: string) {
  const metrics = createGatewayMetrics();
  const a = new Hono<GatewayEnv>();
  a.post('/mcp', requireCaller({ verifyToken, spaces, metrics, resourceMetadataUrl }), (c) =>
    c.json({ caller: c.get('caller').userId, spaces: c.get('callerSpaces') }),
  );
  a.onError(createErrorHandler(silentLogger()));
  return { a, metrics };
}

const post = (a: Hono<GatewayEnv>, token?: string) =>
  a.request('/mcp', { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('requireCaller', () => {
  it('sets the caller and its spaces for a valid token', async () => {
    const response = await post(app().a, 'anna-token');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      caller: 'anna',
      spaces: [{ id: 'anna-personal', type: 'personal', role: 'owner' }],
    });
  });

  it('answers 401 with a challenge for no token or a bad one, counted as unauthenticated', async () => {
    const { a, metrics } = app();
    for (const [token, challenge] of [
      // RFC 6750 §3.1: no error code when no credentials were sent.
      [undefined, 'Bearer realm="mana"'],
      ['forged', 'Bearer realm="mana", error="invalid_token"'],
    ] as const) {
      const response = await post(a, token);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(challenge);
      expect(await response.json()).toEqual({
        error: {
          code: 'INVALID_TOKEN',
          message: 'The bearer token is missing, invalid or expired',
        },
      });
    }
    expect(await metrics.registry.metrics()).toMatch(
      /mcp_requests_rejected_total\{reason="unauthenticated"\} 2/,
    );
  });

  it('names the protected resource metadata in the challenge when it has one', async () => {
    const url = 'http://127.0.0.1:3069/.well-known/oauth-protected-resource/mcp';
    const { a } = app(url);
    expect((await post(a)).headers.get('www-authenticate')).toBe(
      `Bearer realm="mana", resource_metadata="${url}"`,
    );
    expect((await post(a, 'gone-token')).headers.get('www-authenticate')).toBe(
      `Bearer realm="mana", error="invalid_token", resource_metadata="${url}"`,
    );
  });

  it('answers 401 for a valid token of an account that no longer exists', async () => {
    const { a, metrics } = app();
    const response = await post(a, 'gone-token');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(await response.json()).toEqual({
      error: { code: 'INVALID_TOKEN', message: 'The account of this token no longer exists' },
    });
    expect(await metrics.registry.metrics()).toMatch(
      /mcp_requests_rejected_total\{reason="unknown_account"\} 1/,
    );
  });
});
