import type { Database } from '@mana/db';
import { createErrorHandler, notFoundHandler, requestLog } from '@mana/http';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { Auth } from './auth';
import { fail } from './errors';
import { AccessTokenVerifier } from './middleware/access-token';
import { type AppEnv, requireAdmin, requireServiceKey } from './middleware/principal';
import { adminPersonaRoutes } from './routes/admin-personas';
import { adminSpaceRoutes } from './routes/admin-spaces';
import { internalCoverageRoutes } from './routes/internal-coverage';
import { internalPersonaRoutes } from './routes/internal-personas';
import { loginRoutes } from './routes/login';
import { meRoutes } from './routes/me';

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
  clock?: () => Date;
  /** The `iss` of minted tokens: the service's base URL. */
  issuer: string;
}

/**
 * Builds the identity service: Better Auth under `/api/auth/*`, login and spaces under
 * `/api/v1`, the admin API and the runner's internal API. Never listens; `main.ts` does.
 */
export function createApp(deps: AuthAppDeps) {
  const { db, auth, serviceKey, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const verifier = new AccessTokenVerifier(auth, deps.issuer);

  const app = new Hono<AppEnv & { Variables: { requestId: string } }>();
  app.use(requestId());
  app.use(requestLog(logger));
  app.use(
    bodyLimit({
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
  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));

  app.route('/api/v1/auth', loginRoutes({ auth, db }));
  app.route('/api/v1/me', meRoutes({ db, verifier }));

  const admin = new Hono<AppEnv>()
    .use(requireAdmin(serviceKey, verifier, db))
    .route('/personas', adminPersonaRoutes({ db, auth, clock }))
    .route('/spaces', adminSpaceRoutes({ db }));
  app.route('/api/v1/admin', admin);

  const internal = new Hono<AppEnv>()
    .use(requireServiceKey(serviceKey))
    .route('/personas', internalPersonaRoutes({ db, clock }))
    .route('/coverage', internalCoverageRoutes({ db, clock }));
  app.route('/api/v1/internal', internal);

  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);
  return app;
}

/** The identity service's Hono app. */
export type AuthApp = ReturnType<typeof createApp>;
