import { MCP_SCOPE } from '@mana/contracts';
import { Hono } from 'hono';
import type { GatewayEnv } from '../context';

/** Where the gateway's OAuth protected resource metadata (RFC 9728) is published. */
export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource';

/** The scopes an MCP client asks for: the gateway's, and a refresh token. */
export const RESOURCE_SCOPES = [MCP_SCOPE, 'offline_access'] as const;

/** The gateway as an OAuth protected resource. */
export interface ProtectedResource {
  /** The resource identifier: the public `/mcp` URL, e.g. `http://127.0.0.1:3069/mcp`. */
  resource: string;
  /** The issuer of the identity service, the one authorization server. */
  authorizationServer: string;
}

/**
 * The metadata URL of a resource (RFC 9728 §3.1): the well-known path goes between the
 * origin and the resource's path, `…/.well-known/oauth-protected-resource/mcp`.
 */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}${PROTECTED_RESOURCE_PATH}${path}`;
}

/**
 * `GET /.well-known/oauth-protected-resource/mcp` (and the same document at
 * `/.well-known/oauth-protected-resource`, where clients that know only the origin look):
 * which authorization server issues tokens for `/mcp`, and the scopes to ask for. MCP
 * clients find it through the `resource_metadata` of the 401's `WWW-Authenticate`.
 */
export function protectedResourceRoutes(pr: ProtectedResource) {
  const document = {
    resource: pr.resource,
    authorization_servers: [pr.authorizationServer],
    scopes_supported: [...RESOURCE_SCOPES],
    bearer_methods_supported: ['header'],
    resource_name: 'Mana MCP gateway',
  };
  const metadataPath = new URL(protectedResourceMetadataUrl(pr.resource)).pathname;
  const serve = new Hono<GatewayEnv>().get('/', (c) => {
    c.header('cache-control', 'public, max-age=60');
    return c.json(document);
  });
  const app = new Hono<GatewayEnv>();
  app.route(PROTECTED_RESOURCE_PATH, serve);
  if (metadataPath !== PROTECTED_RESOURCE_PATH) app.route(metadataPath, serve);
  return app;
}
