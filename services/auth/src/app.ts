import type { Database } from '@mana/db';
import {
  createErrorHandler,
  createTokenVerifier,
  declaredBodyLimit,
  jsonOnly,
  notFoundHandler,
  requestLog,
} from '@mana/http';
import { createAppRegistry } from '@mana/tool-registry';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { fail } from './errors';
import type { Auth } from './identity/auth';
import { betterAuthRoutes } from './identity/better-auth-routes';
import {
  createLoginLimiter,
  DEFAULT_LOGIN_LIMITS,
  type LoginLimitSettings,
} from './identity/login-limiter';
import { adminSpaceRoutes } from './identity/routes/admin-spaces';
import { loginRoutes } from './identity/routes/login';
import { meRoutes } from './identity/routes/me';
import { oauthMetadataRoutes } from './identity/routes/oauth-metadata';
import { oauthPageRoutes } from './identity/routes/oauth-pages';
import { type AppEnv, requireAdmin, requireServiceKey } from './middleware/principal';
import { adminPersonaRoutes } from './personas/routes/admin-personas';
import { internalClaimRoutes } from './personas/routes/internal-claims';
import { internalCoverageRoutes } from './personas/routes/internal-coverage';
import { internalDeadLetterRoutes } from './personas/routes/internal-dead-letters';
import { internalPersonaRoutes } from './personas/routes/internal-personas';
import { internalTokenRoutes } from './personas/routes/internal-tokens';

/** How long transcripts are kept when `TRANSCRIPT_RETENTION_DAYS` is not set. */
export const DEFAULT_TRANSCRIPT_RETENTION_DAYS = 30;

/** Largest request body any route accepts. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Everything the identity service's HTTP app depends on. */
export interface AuthAppDeps {
  db: Database;
  auth: Auth;
  /** The `X-Service-Key` the runner and admin tools present. */
  serviceKey: string;
  logger: Logger;
  /** Decides due rules and stamps rows; tests and simulations pass their own. */
  clock?: (() => Date) | undefined;
  /** The `iss` of minted tokens: the service's base URL. */
  issuer: string;
  /**
   * The modules of the app personas use; the internal API refuses rows naming another.
   * Default: the reference app's (`@mana/tool-registry`).
   */
  modules?: readonly string[] | undefined;
  /** Transcripts older than this many days are purged (`TRANSCRIPT_RETENTION_DAYS`, default 30). */
  transcriptRetentionDays?: number | undefined;
  /** Budgets of failed logins per account and per address (default {@link DEFAULT_LOGIN_LIMITS}). */
  loginLimits?: LoginLimitSettings | undefined;
  /** Reverse proxies in front whose `X-Forwarded-For` is believed (`TRUST_PROXY`, default 0). */
  trustedProxies?: number | undefined;
}

/**
 * Builds the identity service: Better Auth under `/api/auth/*`, login and spaces under
 * `/api/v1`, the admin API and the runner's internal API, and the OAuth authorization
 * server of MCP clients (metadata at `/.well-known`, sign-in and consent under `/oauth`). Never listens; `main.ts` does.
 */
export function createApp(deps: AuthAppDeps) {
  const { db, auth, serviceKey, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const modules = deps.modules ?? createAppRegistry().modules();
  // Its own tokens, against the same keys other services fetch from `/api/auth/jwks`,
  // read in-process. Reloaded at once for an unknown key: a key rotated by a login in
  // this process must verify on the very next request.
  const verifyToken = createTokenVerifier({
    keys: () => auth.api.getJwks(),
    issuer: deps.issuer,
    cacheMaxAgeMs: 60_000,
    cooldownMs: 0,
  });

  const app = new Hono<AppEnv & { Variables: { requestId: string } }>();
  app.use(requestId());
  app.use(requestLog(logger));
  app.use(
    declaredBodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw fail('PAYLOAD_TOO_LARGE');
      },
    }),
  );

  app.get('/health', async (c) => {
    await db.execute(sql`select 1`);
    return c.json({ ok: true, service: 'auth' });
  });
  // What an MCP client in a browser (the MCP Inspector) calls across origins: discovery,
  // registration, token and revocation. None of them reads a cookie, so any origin may.
  const publicCors = cors({
    origin: '*',
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['content-type', 'authorization', 'mcp-protocol-version'],
  });
  for (const path of [
    '/.well-known/*',
    '/api/auth/jwks',
    '/api/auth/oauth2/register',
    '/api/auth/oauth2/token',
    '/api/auth/oauth2/revoke',
  ]) {
    app.use(path, publicCors);
  }
  // One limiter for both places a password is checked: the login API and the OAuth page.
  const limiter = createLoginLimiter(db, deps.loginLimits ?? DEFAULT_LOGIN_LIMITS);
  const trustedProxies = deps.trustedProxies ?? 0;
  app.route('/api/auth', betterAuthRoutes({ auth }));
  app.route('/.well-known', oauthMetadataRoutes({ auth }));
  app.route('/', oauthPageRoutes({ auth, db, limiter, trustedProxies }));

  // Every `/api/v1` body is JSON: a form or text/plain post (what a cross-site page can
  // send without a preflight) is refused before any route reads it.
  app.use('/api/v1/*', jsonOnly());
  app.route('/api/v1/auth', loginRoutes({ auth, db, limiter, trustedProxies, serviceKey }));
  app.route('/api/v1/me', meRoutes({ db, verifyToken }));

  const admin = new Hono<AppEnv>()
    .use(requireAdmin(serviceKey, verifyToken, db))
    .route('/personas', adminPersonaRoutes({ db, auth, clock }))
    .route('/spaces', adminSpaceRoutes({ db }));
  app.route('/api/v1/admin', admin);

  const internal = new Hono<AppEnv>()
    .use(requireServiceKey(serviceKey))
    .route('/personas', internalClaimRoutes({ db, clock }))
    .route('/personas', internalTokenRoutes({ db, auth }))
    .route(
      '/personas',
      internalPersonaRoutes({
        db,
        clock,
        modules,
        transcriptRetentionDays: deps.transcriptRetentionDays ?? DEFAULT_TRANSCRIPT_RETENTION_DAYS,
        logger,
      }),
    )
    .route('/', internalDeadLetterRoutes({ db, clock }))
    .route('/coverage', internalCoverageRoutes({ db, clock }));
  app.route('/api/v1/internal', internal);

  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);
  return app;
}

/** The identity service's Hono app. */
export type AuthApp = ReturnType<typeof createApp>;
