import { oauthProviderAuthServerMetadata } from '@better-auth/oauth-provider';
import { Hono } from 'hono';
import type { AppEnv } from '../../middleware/principal';
import type { Auth } from '../auth';

/**
 * `GET /.well-known/oauth-authorization-server`: the authorization server metadata
 * (RFC 8414) MCP clients discover from the gateway's protected resource metadata. The
 * issuer is this service's URL without a path, so the document lives at the root (Better
 * Auth serves its endpoints under `/api/auth`).
 */
export function oauthMetadataRoutes(deps: { auth: Auth }) {
  const metadata = oauthProviderAuthServerMetadata(deps.auth);
  return new Hono<AppEnv>().get('/oauth-authorization-server', (c) => metadata(c.req.raw));
}
