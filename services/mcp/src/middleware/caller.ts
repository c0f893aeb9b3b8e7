import { bearerToken, type TokenVerifier } from '@mana/http';
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../context';
import { fail } from '../errors';
import type { GatewayMetrics } from '../metrics';
import type { SpaceResolver } from '../space-resolver';

const CHALLENGE = 'Bearer realm="mana", error="invalid_token"';

/**
 * `/mcp` needs `Authorization: Bearer <access token>` of an account that still exists:
 * sets `caller` and the account's `callerSpaces`. Anything else is a 401 with a
 * `WWW-Authenticate` challenge, counted in `mcp_requests_rejected_total` as
 * `unauthenticated` (no valid token) or `unknown_account` (deleted since it was issued).
 */
export function requireCaller(deps: {
  verifyToken: TokenVerifier;
  spaces: SpaceResolver;
  metrics: GatewayMetrics;
}): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const caller = await deps.verifyToken(bearerToken(c));
    if (!caller) {
      deps.metrics.rejected('unauthenticated');
      c.header('WWW-Authenticate', CHALLENGE);
      throw fail('INVALID_TOKEN');
    }
    const spaces = await deps.spaces.spacesOf(caller.userId);
    if (!spaces) {
      deps.metrics.rejected('unknown_account');
      c.header('WWW-Authenticate', CHALLENGE);
      throw fail('INVALID_TOKEN', 'The account of this token no longer exists');
    }
    c.set('caller', caller);
    c.set('callerSpaces', spaces);
    await next();
  };
}
