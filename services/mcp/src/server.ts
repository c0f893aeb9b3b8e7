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
}

/** A running gateway. */
export interface RunningMcpGateway extends Listening {
  app: McpApp;
  faults: FaultInjector;

  /** `<url>/mcp`, where MCP clients connect. */
  mcpUrl: string;
}

/** Starts the MCP gateway on a port. */
export async function startMcpGateway(options: StartMcpGatewayOptions): Promise<RunningMcpGateway> {
  const authUrl = options.authUrl.replace(/\/+$/, '');
  const faults = options.faults ?? new FaultInjector();
  const app = createApp({
    db: options.db,
    registry: faults.wrap(options.registry ?? createAppRegistry()),
    verifyToken: createTokenVerifier({
      keys: `${authUrl}/api/auth/jwks`,
      issuer: options.issuer ?? authUrl,
      cooldownMs: options.jwksCooldownMs,
    }),
    logger: options.logger ?? silentLogger(),
    now: options.now,
    allowedHosts: options.allowedHosts,
    faults,
    ...(options.serviceKey ? { serviceKey: options.serviceKey } : {}),
  });
  const server = await listen(app.fetch, { port: options.port ?? 3069, host: options.host });
  return { ...server, app, faults, mcpUrl: `${server.url}/mcp` };
}
