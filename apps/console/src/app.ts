import { type ClaimBudget, HEADERS } from '@mana/contracts';
import type { Database } from '@mana/db';
import { ApiError, declaredBodyLimit, requestLog, silentLogger } from '@mana/http';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import { type AdminVerifier, createAdminVerifier } from './auth/admin-verifier';
import { requireAdminOrServiceKey, requireAdminPage } from './auth/require-admin';
import { sameOriginPosts } from './auth/same-origin';
import type { ConsoleEnv, PageDeps } from './context';
import { consoleErrorHandler, consoleNotFound } from './error-handlers';
import { alertRoutes } from './routes/alert';
import { alertListRoutes } from './routes/alerts';
import { apiRoutes } from './routes/api';
import { releaseApiRoutes } from './routes/api-releases';
import { consistencyRoutes } from './routes/consistency';
import { loginRoutes } from './routes/login';
import { moduleRoutes } from './routes/module';
import { moduleListRoutes } from './routes/modules';
import { overviewRoutes } from './routes/overview';
import { personaRoutes } from './routes/persona';
import { personaListRoutes } from './routes/personas';
import { releaseRoutes } from './routes/releases';
import { tickRoutes } from './routes/tick';
import { tickListRoutes } from './routes/ticks';

/** Largest request body the console accepts (sign-in forms are tiny). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Everything the console's HTTP app depends on. */
export interface ConsoleDeps {
  db: Database;
  /** Base URL of the identity service: sign-in goes there, its JWKS verifies sessions. */
  authUrl: string;
  /** The `iss` tokens carry, when it differs from `authUrl` (default `authUrl`). */
  issuer?: string;
  /** The `X-Service-Key` that opens `/api/*` without a session (the report CLI). */
  serviceKey: string;
  logger?: Logger;
  /** The wall clock; analyses run "as of" it or the latest data, whichever is later. */
  now?: () => Date;
  /** Other origins whose form posts are accepted (e.g. behind a proxy). */
  trustedOrigins?: string[];
  /** The runners' daily limits, for the overview's spend notice; none when absent. */
  budget?: ClaimBudget;
  /** Replaces the JWKS verifier (tests of the console alone). */
  verifyAdmin?: AdminVerifier;
}

/**
 * Builds the operator console: sign-in, the pages (overview, personas, modules, ticks,
 * alert evidence, releases, consistency) for admins, `/api/report` for admins or the service key, `/health`.
 * Never listens; {@link startConsole} does.
 */
export function createApp(deps: ConsoleDeps) {
  const logger = deps.logger ?? silentLogger();
  const authUrl = deps.authUrl.replace(/\/+$/, '');
  const verify =
    deps.verifyAdmin ??
    createAdminVerifier({
      jwksUrl: `${authUrl}/api/auth/jwks`,
      issuer: deps.issuer ?? authUrl,
      db: deps.db,
    });
  const pageDeps: PageDeps = {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    budget: deps.budget ?? {},
  };

  const app = new Hono<ConsoleEnv>();
  app.use(requestId());
  app.use(requestLog(logger));
  // `same-origin`, not the default `no-referrer`: with `no-referrer` browsers send
  // `Origin: null` even on same-origin form posts, which the cross-site check refuses.
  app.use(secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin' }));
  app.use(
    declaredBodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      },
    }),
  );
  // CI records release markers with the service key: a custom header that no cross-site
  // form can send (there is no CORS), so such API requests skip the origin check.
  app.use(
    sameOriginPosts(
      deps.trustedOrigins,
      (c) => c.req.path.startsWith('/api/') && c.req.header(HEADERS.serviceKey) !== undefined,
    ),
  );

  app.get('/health', async (c) => {
    await deps.db.execute(sql`select 1`);
    return c.json({ ok: true, service: 'console' });
  });
  app.route('/', loginRoutes({ authUrl, verify, logger }));

  const api = new Hono<ConsoleEnv>()
    .use(requireAdminOrServiceKey(verify, deps.serviceKey))
    .route('/', apiRoutes(pageDeps))
    .route('/', releaseApiRoutes(pageDeps));
  app.route('/api', api);

  // The pages sub-app is mounted at `/`, so its guard also sees `/api/*` requests that no
  // API route answered: let those reach the JSON 404 instead of a sign-in redirect.
  const guard = requireAdminPage(verify);
  const pages = new Hono<ConsoleEnv>()
    .use((c, next) => (c.req.path.startsWith('/api/') ? next() : guard(c, next)))
    .route('/', overviewRoutes(pageDeps))
    .route('/personas', personaListRoutes(pageDeps))
    .route('/personas', personaRoutes(pageDeps))
    .route('/modules', moduleListRoutes(pageDeps))
    .route('/modules', moduleRoutes(pageDeps))
    .route('/ticks', tickListRoutes(pageDeps))
    .route('/ticks', tickRoutes(pageDeps))
    .route('/releases', releaseRoutes(pageDeps))
    .route('/consistency', consistencyRoutes(pageDeps))
    .route('/alerts', alertListRoutes(pageDeps))
    .route('/alerts', alertRoutes(pageDeps));
  app.route('/', pages);

  app.onError(consoleErrorHandler(logger));
  app.notFound(consoleNotFound);
  return app;
}

/**
 * Nothing is loaded from anywhere: styles are inline, charts are inline SVG, there is no
 * script. Inline styles need `'unsafe-inline'` for `style-src` only.
 */
const CSP = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
};

/** The console's Hono app. */
export type ConsoleApp = ReturnType<typeof createApp>;
