import type { Database } from '@mana/db';
import { type Listening, listen, silentLogger } from '@mana/http';
import type { Logger } from 'pino';
import { type AuthApp, createApp } from './app';
import { type Auth, createAuth } from './identity/auth';
import { ensureAdminAccount } from './identity/db/admin-account';
import { ensureOAuthResource } from './identity/db/oauth-resources';
import type { LoginLimitSettings } from './identity/login-limiter';

/** How long a persona's token lives unless `PERSONA_TOKEN_EXPIRES_IN` says otherwise: 7 days. */
export const DEFAULT_PERSONA_TOKEN_SECONDS = 7 * 86_400;

/** What {@link startAuthService} needs; the database must be migrated. */
export interface StartAuthServiceOptions {
  db: Database;
  serviceKey: string;
  secret: string;
  /** 0 picks a free port. */
  port?: number | undefined;
  host?: string | undefined;
  /** The URL clients use, when it differs from `http://host:port` (behind a proxy). */
  publicUrl?: string | undefined;
  jwtExpiresIn?: string | undefined;
  /** Lifetime in seconds of persona accounts' tokens (`PERSONA_TOKEN_EXPIRES_IN`; default 7 days). */
  personaTokenSeconds?: number | undefined;
  trustedOrigins?: string[] | undefined;
  admin?: { email: string; password: string } | undefined;
  logger?: Logger | undefined;
  clock?: (() => Date) | undefined;
  /**
   * Protected resources MCP clients may get tokens for (RFC 8707): the gateway's public
   * `/mcp` URL. More can be added once running ({@link RunningAuthService.addOAuthResource}).
   */
  oauthResources?: readonly string[] | undefined;
  /** Transcripts older than this many days are purged (`TRANSCRIPT_RETENTION_DAYS`). */
  transcriptRetentionDays?: number | undefined;
  /** Budgets of failed logins per account and per address (`LOGIN_*`). */
  loginLimits?: LoginLimitSettings | undefined;
  /** Reverse proxies whose `X-Forwarded-For` is believed (`TRUST_PROXY`, default 0). */
  trustedProxies?: number | undefined;
  /** The modules rows may name (default: the built-in app's); a target adds its own. */
  modules?: readonly string[] | undefined;
}

/** A running identity service. */
export interface RunningAuthService extends Listening {
  app: AuthApp;
  auth: Auth;
  /** The admin account created or confirmed at start-up, if one was configured. */
  adminUserId?: string;
  /**
   * Lets MCP clients get tokens for one more protected resource (the gateway's `/mcp`
   * URL), for a gateway whose URL is known only after it listens. Idempotent.
   */
  addOAuthResource(identifier: string): Promise<void>;
}

/**
 * Starts the identity service on a port. It listens first and builds Better Auth with
 * the real URL afterwards, because Better Auth's base URL must be where it is reached
 * (port 0 is only known after listening).
 */
export async function startAuthService(
  options: StartAuthServiceOptions,
): Promise<RunningAuthService> {
  let app: AuthApp | undefined;
  const server = await listen(
    // The node bindings (`env`) carry the socket: the client address the login limiter counts.
    (request, env) => app?.fetch(request, env) ?? new Response('starting', { status: 503 }),
    { port: options.port ?? 3001, host: options.host },
  );
  const baseURL = options.publicUrl ?? server.url;
  const auth = createAuth({
    db: options.db,
    baseURL,
    secret: options.secret,
    jwtExpiresIn: options.jwtExpiresIn ?? '1h',
    personaTokenSeconds: options.personaTokenSeconds ?? DEFAULT_PERSONA_TOKEN_SECONDS,
    trustedOrigins: options.trustedOrigins,
    hashConcurrency: options.loginLimits?.maxConcurrentHashes,
  });
  app = createApp({
    db: options.db,
    auth,
    serviceKey: options.serviceKey,
    logger: options.logger ?? silentLogger(),
    clock: options.clock,
    issuer: baseURL,
    transcriptRetentionDays: options.transcriptRetentionDays,
    loginLimits: options.loginLimits,
    trustedProxies: options.trustedProxies,
    modules: options.modules,
  });
  const addOAuthResource = (identifier: string) => ensureOAuthResource(options.db, identifier);
  for (const resource of options.oauthResources ?? []) await addOAuthResource(resource);
  const running: RunningAuthService = { ...server, url: baseURL, app, auth, addOAuthResource };
  if (options.admin) {
    running.adminUserId = (await ensureAdminAccount(auth, options.db, options.admin)).userId;
  }
  return running;
}
