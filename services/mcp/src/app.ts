import type { Database } from '@mana/db';
import { createErrorHandler, notFoundHandler, requestLog } from '@mana/http';
import type { FaultInjector, ToolRegistry } from '@mana/tool-registry';

import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { fail } from './errors';
import { hostGuard, LOOPBACK_HOSTS } from './host-guard';
import { handleMcpRequest } from './mcp-handler';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { adminFaultRoutes } from './routes/admin-faults';
import { createSpaceResolver, type SpaceResolver } from './space-resolver';
import type { TokenVerifier } from './token-verifier';
import { buildToolCatalog } from './tool-catalog';

/** Everything the gateway's HTTP app depends on. */
export interface McpAppDeps {
  db: Database;
  registry: ToolRegistry;
  verifyToken: TokenVerifier;
  logger: Logger;
  metrics?: GatewayMetrics;
  spaces?: SpaceResolver;
  /** The time tools see; simulations pass their own clock. */
  now?: () => Date;
  /**
   * Host names `/mcp` answers to (DNS-rebinding protection). Default: loopback names;
   * set the public host names when serving beyond loopback; `null` turns the check off.
   */
  allowedHosts?: readonly string[] | null;
  /** The fault drill; with a service key its controls are served at `/admin/faults`. */
  faults?: FaultInjector;
  /** Guards `/admin/*`; without it those routes are not served. */
  serviceKey?: string;
}

/**
 * Builds the gateway: `POST /mcp` (MCP Streamable HTTP, stateless), `/metrics`,
 * `/health`. Each MCP request is authenticated with a bearer JWT and pinned to one of
 * the caller's spaces (`X-Mana-Space`, default the personal space).
 */
export function createApp(deps: McpAppDeps) {
  const metrics = deps.metrics ?? createGatewayMetrics();
  const spaces = deps.spaces ?? createSpaceResolver(deps.db);
  const catalog = buildToolCatalog(deps.registry);
  const handlerDeps = {
    catalog,
    db: deps.db,
    logger: deps.logger,
    metrics,
    now: deps.now ?? (() => new Date()),
  };

  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(requestId());
  app.use(requestLog(deps.logger));

  app.get('/health', (c) => c.json({ ok: true, service: 'mcp', tools: catalog.tools.length }));
  app.get('/metrics', async (c) => {
    c.header('content-type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
  if (deps.faults && deps.serviceKey) {
    app.route(
      '/admin',
      adminFaultRoutes({ faults: deps.faults, serviceKey: deps.serviceKey, logger: deps.logger }),
    );
  }

  if (deps.allowedHosts !== null) app.use('/mcp', hostGuard(deps.allowedHosts ?? LOOPBACK_HOSTS));
  app.post(
    '/mcp',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw fail('PAYLOAD_TOO_LARGE');
      },
    }),
    async (c) => {
      const token = c.req
        .header('authorization')
        ?.match(/^Bearer\s+(.+)$/i)?.[1]
        ?.trim();
      const caller = token ? await deps.verifyToken(token) : null;
      if (!caller) {
        metrics.rejected('unauthenticated');
        c.header('WWW-Authenticate', 'Bearer realm="mana", error="invalid_token"');
        throw fail('INVALID_TOKEN');
      }
      const memberships = await spaces.spacesOf(caller.userId);
      if (!memberships) {
        metrics.rejected('unknown_account');
        c.header('WWW-Authenticate', 'Bearer realm="mana", error="invalid_token"');
        throw fail('INVALID_TOKEN', 'The account of this token no longer exists');
      }
      const wanted = c.req.header('x-mana-space')?.trim();
      const space = wanted
        ? memberships.find((s) => s.id === wanted)
        : memberships.find((s) => s.type === 'personal');
      if (!space) {
        metrics.rejected('forbidden_space');
        throw wanted
          ? fail('FORBIDDEN_SPACE', `You are not a member of space ${wanted}`)
          : fail('NO_PERSONAL_SPACE');
      }
      c.header('X-Mana-Space', space.id);
      const modules = parseModules(c.req.header('x-mana-modules'));
      return handleMcpRequest(
        c.req.raw,
        { caller, spaceId: space.id, requestId: c.get('requestId'), modules },
        handlerDeps,
      );
    },
  );
  app.on(['GET', 'DELETE'], '/mcp', (c) => {
    c.header('Allow', 'POST');
    throw fail('METHOD_NOT_ALLOWED');
  });

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

export type McpApp = ReturnType<typeof createApp>;

/**
 * `X-Mana-Modules: todo,journal` narrows the tools a connection lists and may call to
 * those modules (a persona sees only the modules it uses); absent means all.
 */
function parseModules(header: string | undefined): ReadonlySet<string> | undefined {
  if (header === undefined) return undefined;
  return new Set(
    header
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean),
  );
}
