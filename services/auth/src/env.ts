import { DEV_AUTH_SECRET, DEV_SERVICE_KEY, tokenLifetimeSchema } from '@mana/contracts';
import {
  baseEnvSchema,
  type LogLevel,
  type NodeEnv,
  parseEnv,
  requiredInProduction,
} from '@mana/http';
import { z } from 'zod';
import { DEFAULT_LOGIN_LIMITS, type LoginLimitSettings } from './identity/login-limiter';

/** The gateway's `/mcp` URL when it runs with its defaults. */
const DEV_MCP_RESOURCE = 'http://127.0.0.1:3069/mcp';

const schema = baseEnvSchema(3001)
  .extend({
    /** Where the service is reachable; Better Auth needs the real listening URL. */
    PUBLIC_URL: z.url().optional(),
    MANA_SERVICE_KEY: z.string().optional(),
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** Lifetime of the access tokens minted by `POST /api/v1/auth/login`. */
    JWT_EXPIRES_IN: z.string().default('1h'),
    /** Lifetime of persona accounts' tokens (the runner reuses one until it expires). */
    PERSONA_TOKEN_EXPIRES_IN: z.string().default('7d').pipe(tokenLifetimeSchema),
    /** Extra origins allowed to call Better Auth's POST endpoints (comma-separated). */
    TRUSTED_ORIGINS: z.string().default(''),
    /** When both are set, an admin account with this email exists after start-up. */
    MANA_ADMIN_EMAIL: z.email().optional(),
    MANA_ADMIN_PASSWORD: z.string().min(12).optional(),
    /**
     * The MCP gateway's public `/mcp` URL(s), comma-separated: the resources MCP clients
     * may get OAuth tokens for. Outside production: the gateway's default URL.
     */
    /** Days a persona-day's transcript is kept before it is purged. */
    TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    MCP_RESOURCE_URL: z
      .string()
      .optional()
      .refine(
        (v) => !v || v.split(',').every((u) => !u.trim() || URL.canParse(u.trim())),
        'every entry must be an absolute URL',
      ),
  })
  .superRefine(requiredInProduction(['MANA_SERVICE_KEY', 'BETTER_AUTH_SECRET', 'PUBLIC_URL']));

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const loginLimitSchema = z.object({
  LOGIN_MAX_FAILURES_PER_ACCOUNT: count(DEFAULT_LOGIN_LIMITS.maxFailuresPerAccount),
  LOGIN_MAX_FAILURES_PER_ADDRESS: count(DEFAULT_LOGIN_LIMITS.maxFailuresPerAddress),
  LOGIN_LIMIT_WINDOW_SECONDS: count(DEFAULT_LOGIN_LIMITS.windowSeconds),
  LOGIN_BLOCK_SECONDS: count(DEFAULT_LOGIN_LIMITS.blockSeconds),
  LOGIN_MAX_CONCURRENT_HASHES: z.coerce.number().int().min(1).max(64).optional(),
  /** `false`/`0` (default): ignore `X-Forwarded-For`; `true` = 1; or the number of proxies. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .pipe(z.number().int().min(0).max(10)),
});

/** The login limiter's settings and the proxies whose `X-Forwarded-For` is believed. */
export interface LoginLimitEnv {
  loginLimits: LoginLimitSettings;
  trustedProxies: number;
}

/**
 * Reads `LOGIN_MAX_FAILURES_PER_ACCOUNT` (10), `LOGIN_MAX_FAILURES_PER_ADDRESS` (100),
 * `LOGIN_LIMIT_WINDOW_SECONDS` (900), `LOGIN_BLOCK_SECONDS` (900),
 * `LOGIN_MAX_CONCURRENT_HASHES` (every core but one) and `TRUST_PROXY` (false); the
 * all-in-one stack reads them the same way.
 */
export function parseLoginLimitEnv(source: Record<string, string | undefined>): LoginLimitEnv {
  const env = parseEnv(loginLimitSchema, source, 'login limiter');
  return {
    loginLimits: {
      maxFailuresPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: env.LOGIN_LIMIT_WINDOW_SECONDS,
      blockSeconds: env.LOGIN_BLOCK_SECONDS,
      maxConcurrentHashes: env.LOGIN_MAX_CONCURRENT_HASHES,
    },
    trustedProxies: env.TRUST_PROXY,
  };
}

/** The identity service's configuration, parsed once at start-up. */
export interface AuthEnv {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  serviceKey: string;
  /** True when the service key is the built-in development default. */
  serviceKeyIsDefault: boolean;
  authSecret: string;
  jwtExpiresIn: string;
  /** `PERSONA_TOKEN_EXPIRES_IN` in seconds. */
  personaTokenSeconds: number;
  trustedOrigins: string[];
  admin: { email: string; password: string } | undefined;
  /** Protected resources (the gateway's `/mcp` URL) MCP clients may get tokens for. */
  oauthResources: string[];
  /** `TRANSCRIPT_RETENTION_DAYS`: transcripts older than this are purged. */
  transcriptRetentionDays: number;
  /** The login limiter's budgets and `TRUST_PROXY`. */
  login: LoginLimitEnv;
  logLevel: LogLevel;
}

/**
 * Parses the environment, failing fast with every bad field named. In production a
 * service key, an auth secret and the public URL are required; elsewhere they default
 * to development values so `npm start` needs no configuration.
 */
export function parseAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const env = parseEnv(schema, source, 'identity service');
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL,
    serviceKey: env.MANA_SERVICE_KEY || DEV_SERVICE_KEY,
    serviceKeyIsDefault: !env.MANA_SERVICE_KEY,
    authSecret: env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN,
    personaTokenSeconds: env.PERSONA_TOKEN_EXPIRES_IN,
    trustedOrigins: env.TRUSTED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    admin:
      env.MANA_ADMIN_EMAIL && env.MANA_ADMIN_PASSWORD
        ? { email: env.MANA_ADMIN_EMAIL, password: env.MANA_ADMIN_PASSWORD }
        : undefined,
    oauthResources: env.MCP_RESOURCE_URL
      ? env.MCP_RESOURCE_URL.split(',')
          .map((u) => u.trim())
          .filter(Boolean)
      : env.NODE_ENV === 'production'
        ? []
        : [DEV_MCP_RESOURCE],
    transcriptRetentionDays: env.TRANSCRIPT_RETENTION_DAYS,
    login: parseLoginLimitEnv(source),
    logLevel: env.LOG_LEVEL,
  };
}
