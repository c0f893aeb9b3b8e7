import { MCP_SCOPE } from '@mana/contracts';
import type { Database } from '@mana/db';
import { createTokenVerifier, type Listening, listen, silentLogger } from '@mana/http';
import { createAppRegistry, FaultInjector, type ToolRegistry } from '@mana/tool-registry';
import type { Logger } from 'pino';
import { createApp, type McpApp } from './app';

/** What {@link startMcpGateway} needs. */
export interface StartMcpGatewayOptions {
  db: Database;
  /** Base URL of the identity service; its `/api/auth/jwks` verifies tokens. */
  authUrl: string;
  /** Expected token issuer (default: `authUrl`). */
  issuer?: string | undefined;
  registry?: ToolRegistry | undefined;
  /** 0 picks a free port. */
  port?: number | undefined;
  host?: string | undefined;
  logger?: Logger | undefined;
  now?: (() => Date) | undefined;
  /** Least time between JWKS re-fetches for unknown key ids (default 10 s). */
  jwksCooldownMs?: number | undefined;
  /** Host names `/mcp` answers to; default loopback names (see `createApp`). */
  allowedHosts?: readonly string[] | null | undefined;
  /**
   * The fault drill. Default: an injector with no faults, so faults can be switched on
   * at run time through `/admin/faults` when a service key is given.
   */
  faults?: FaultInjector | undefined;
  /** Guards `/admin/faults`. */
  serviceKey?: string | undefined;
  /**
   * Where clients reach the gateway, when it differs from `http://host:port` (behind a
   * proxy). Its `/mcp` URL is the OAuth resource: the `aud` of the tokens MCP clients
   * get through the OAuth flow, which the identity service must list as well.
   */
  publicUrl?: string | undefined;
}

/** A running gateway. */
export interface RunningMcpGateway extends Listening {
  app: McpApp;
  faults: FaultInjector;

  /** `<url>/mcp`, where MCP clients connect. */
  mcpUrl: string;
}

/**
 * Starts the MCP gateway on a port. It listens first and builds the app with the real
 * URL afterwards, because its OAuth resource is its own `/mcp` URL (port 0 is only known
 * after listening).
 */
export async function startMcpGateway(options: StartMcpGatewayOptions): Promise<RunningMcpGateway> {
  const authUrl = options.authUrl.replace(/\/+$/, '');
  const issuer = options.issuer ?? authUrl;
  const faults = options.faults ?? new FaultInjector();
  let app: McpApp | undefined;
  const server = await listen(
    (request) => app?.fetch(request) ?? new Response('starting', { status: 503 }),
    { port: options.port ?? 3069, host: options.host },
  );
  const url = (options.publicUrl ?? server.url).replace(/\/+$/, '');
  const resource = `${url}/mcp`;
  app = createApp({
    db: options.db,
    registry: faults.wrap(options.registry ?? createAppRegistry()),
    verifyToken: createTokenVerifier({
      keys: `${authUrl}/api/auth/jwks`,
      issuer,
      cooldownMs: options.jwksCooldownMs,
      resources: [{ audience: resource, scope: MCP_SCOPE }],
      // A persona's day makes dozens of calls with one token: verify it once. The account
      // and its memberships are still read on every request (revocation stays immediate).
      verifiedCache: { maxEntries: 10_000, maxAgeMs: 60_000 },
    }),
    logger: options.logger ?? silentLogger(),
    now: options.now,
    allowedHosts: options.allowedHosts,
    faults,
    ...(options.serviceKey ? { serviceKey: options.serviceKey } : {}),
    protectedResource: { resource, authorizationServer: issuer },
  });
  return { ...server, url, app, faults, mcpUrl: resource };
}
