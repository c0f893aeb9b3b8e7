import { HEADERS } from '@mana/contracts';
import type { Database } from '@mana/db';
import {
  createErrorHandler,
  declaredBodyLimit,
  notFoundHandler,
  requestLog,
  type TokenVerifier,
} from '@mana/http';
import type { FaultInjector, ToolRegistry } from '@mana/tool-registry';

import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { GatewayEnv } from './context';
import { fail } from './errors';
import { hostGuard, LOOPBACK_HOSTS } from './host-guard';
import { handleMcpRequest, sharedSchemaValidator } from './mcp-handler';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { requireCaller } from './middleware/caller';
import { mcpCors } from './middleware/mcp-cors';
import { selectSpace } from './middleware/space';
import { adminFaultRoutes } from './routes/admin-faults';
import {
  type ProtectedResource,
  protectedResourceMetadataUrl,
  protectedResourceRoutes,
} from './routes/protected-resource';
import { createSpaceResolver, type SpaceResolver } from './space-resolver';
import { buildToolCatalog } from './tool-catalog';

/** Everything the gateway's HTTP app depends on. */
export interface McpAppDeps {
  db: Database;
  registry: ToolRegistry;
  verifyToken: TokenVerifier;
  logger: Logger;
  metrics?: GatewayMetrics | undefined;
  spaces?: SpaceResolver | undefined;
  /** The time tools see; simulations pass their own clock. */
  now?: (() => Date) | undefined;
  /**
   * Host names `/mcp` answers to (DNS-rebinding protection). Default: loopback names;
   * set the public host names when serving beyond loopback; `null` turns the check off.
   */
  allowedHosts?: readonly string[] | null | undefined;
  /** The fault drill; with a service key its controls are served at `/admin/faults`. */
  faults?: FaultInjector | undefined;
  /** Guards `/admin/*`; without it those routes are not served. */
  serviceKey?: string | undefined;
  /**
   * The gateway as an OAuth protected resource: its metadata is served and named in
   * every 401, so standard MCP clients can sign in. Without it, 401s carry no metadata.
   */
  protectedResource?: ProtectedResource | undefined;
}

/** The response header echoing a request's id (Hono's `requestId` default). */
const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Builds the gateway: `POST /mcp` (MCP Streamable HTTP, stateless), `/metrics`,
 * `/health`, and its OAuth protected resource metadata. Each MCP request is
 * authenticated with a bearer JWT and pinned to one of the caller's spaces
 * (`X-Mana-Space`, default the personal space).
 */
export function createApp(deps: McpAppDeps) {
  const metrics = deps.metrics ?? createGatewayMetrics();
  const spaces = deps.spaces ?? createSpaceResolver(deps.db);
  const catalog = buildToolCatalog(deps.registry);
  const handlerDeps = {
    catalog,
    validator: sharedSchemaValidator(),
    toolsByModules: new Map(),
    db: deps.db,
    logger: deps.logger,
    metrics,
    now: deps.now ?? (() => new Date()),
  };

  const app = new Hono<GatewayEnv>();
  app.use(requestId({ headerName: REQUEST_ID_HEADER }));
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

  const resourceMetadataUrl = deps.protectedResource
    ? protectedResourceMetadataUrl(deps.protectedResource.resource)
    : undefined;
  if (deps.protectedResource) {
    app.use('/.well-known/*', cors({ origin: '*', allowMethods: ['GET'] }));
    app.route('/', protectedResourceRoutes(deps.protectedResource));
  }

  // MCP clients in a browser (the MCP Inspector, direct mode) need CORS; the host guard
  // below still decides which origins may call.
  app.use(
    '/mcp',
    mcpCors({
      allowMethods: ['POST', 'GET', 'DELETE'],
      allowHeaders: [
        'authorization',
        'content-type',
        'accept',
        'mcp-protocol-version',
        HEADERS.space,
        HEADERS.modules,
      ],
      exposeHeaders: ['www-authenticate', HEADERS.space],
    }),
  );
  if (deps.allowedHosts !== null) app.use('/mcp', hostGuard(deps.allowedHosts ?? LOOPBACK_HOSTS));
  app.post(
    '/mcp',
    // Decided from Content-Length: Hono's bodyLimit would wrap every request in a web
    // stream (see declaredBodyLimit).
    declaredBodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw fail('PAYLOAD_TOO_LARGE');
      },
    }),
    requireCaller({ verifyToken: deps.verifyToken, spaces, metrics, resourceMetadataUrl }),
    selectSpace({ metrics }),
    async (c) => {
      const requestId = c.get('requestId');
      const spaceId = c.get('spaceId');
      const response = await handleMcpRequest(
        c.req.raw,
        { caller: c.get('caller'), spaceId, requestId, modules: c.get('modules') },
        handlerDeps,
      );
      // The headers set so far with c.header (request id, space) go on the SDK's response
      // here: Hono would merge them by rebuilding the response around its body stream.
      response.headers.set(REQUEST_ID_HEADER, requestId);
      response.headers.set(HEADERS.space, spaceId);
      return response;
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
