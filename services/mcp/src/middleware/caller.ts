import { bearerToken, type TokenVerifier } from '@mana/http';
import type { MiddlewareHandler } from 'hono';
import type { GatewayEnv } from '../context';
import { fail } from '../errors';
import type { GatewayMetrics } from '../metrics';
import type { SpaceResolver } from '../space-resolver';

/**
 * The `WWW-Authenticate` challenge of a 401 (RFC 6750 §3, RFC 9728 §5.1): `error` only
 * when a token was sent, and `resource_metadata` so an MCP client can find the
 * authorization server and sign in.
 */
export function bearerChallenge(options: {
  tokenSent: boolean;
  resourceMetadataUrl?: string | undefined;
}): string {
  const params = ['realm="mana"'];
  if (options.tokenSent) params.push('error="invalid_token"');
  if (options.resourceMetadataUrl)
    params.push(`resource_metadata="${options.resourceMetadataUrl}"`);
  return `Bearer ${params.join(', ')}`;
}

/**
 * `/mcp` needs `Authorization: Bearer <access token>` of an account that still exists:
 * sets `caller` and the account's `callerSpaces`. Anything else is a 401 with a
 * {@link bearerChallenge}, counted in `mcp_requests_rejected_total` as `unauthenticated`
 * (no valid token) or `unknown_account` (deleted since it was issued).
 */
export function requireCaller(deps: {
  verifyToken: TokenVerifier;
  spaces: SpaceResolver;
  metrics: GatewayMetrics;
  /** The gateway's protected resource metadata URL, named in every challenge. */
  resourceMetadataUrl?: string | undefined;
}): MiddlewareHandler<GatewayEnv> {
  const { resourceMetadataUrl } = deps;
  return async (c, next) => {
    const token = bearerToken(c);
    const caller = await deps.verifyToken(token);
    if (!caller) {
      deps.metrics.rejected('unauthenticated');
      c.header('WWW-Authenticate', bearerChallenge({ tokenSent: !!token, resourceMetadataUrl }));
      throw fail('INVALID_TOKEN');
    }
    const spaces = await deps.spaces.spacesOf(caller.userId);
    if (!spaces) {
      deps.metrics.rejected('unknown_account');
      c.header('WWW-Authenticate', bearerChallenge({ tokenSent: true, resourceMetadataUrl }));
      throw fail('INVALID_TOKEN', 'The account of this token no longer exists');
    }
    c.set('caller', caller);
    c.set('callerSpaces', spaces);
    await next();
  };
}
