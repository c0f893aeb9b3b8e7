import { type LoginLimitEnv, parseLoginLimitEnv } from '@mana/auth';
import {
  DEV_AUTH_SECRET,
  DEV_PERSONA_SEED_SECRET,
  DEV_SERVICE_KEY,
  tokenLifetimeSchema,
} from '@mana/contracts';
import {
  baseEnvSchema,
  envPort,
  LOG_LEVELS,
  type LogLevel,
  parseEnv,
  requiredInProduction,
} from '@mana/http';
import { parseRunnerEnv, type RunnerEnv } from '@mana/persona-runner';
import { z } from 'zod';

const DEV_ADMIN = { email: 'admin@mana.test', password: 'mana-admin-dev-password' };

// No PORT of its own: each part listens on its *_PORT.
const schema = baseEnvSchema()
  .extend({
    AUTH_PORT: envPort(3001),
    MCP_PORT: envPort(3069),
    RUNNER_PORT: envPort(3070),
    CONSOLE_PORT: envPort(3000),
    MANA_SERVICE_KEY: z.string().optional(),
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    /** Lifetime of the identity service's login tokens, as the identity service reads it. */
    JWT_EXPIRES_IN: z.string().min(1).default('1h'),
    /** Lifetime of persona accounts' tokens (the runner reuses one until it expires). */
    PERSONA_TOKEN_EXPIRES_IN: z.string().default('7d').pipe(tokenLifetimeSchema),
    PERSONA_SEED_SECRET: z.string().optional(),
    MANA_ADMIN_EMAIL: z.email().optional(),
    MANA_ADMIN_PASSWORD: z.string().min(12).optional(),
    /** Days a persona-day's transcript is kept (the identity service purges older ones). */
    /** A target file: the app the personas live in (`npm start -- --target FILE` wins). */
    MANA_TARGET: z.string().min(1).optional(),
    TRANSCRIPT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    // Request logs are `info`; the default keeps the terminal to the start-up lines and
    // one line per tick.
    LOG_LEVEL: z.enum(LOG_LEVELS).default('warn'),
  })
  .superRefine(
    requiredInProduction(['MANA_SERVICE_KEY', 'BETTER_AUTH_SECRET', 'PERSONA_SEED_SECRET']),
  );

/** Configuration of the all-in-one process, parsed once. */
export interface StackEnv {
  production: boolean;
  databaseUrl: string | undefined;
  host: string;
  authPort: number;
  mcpPort: number;
  runnerPort: number;
  consolePort: number;
  serviceKey: string;
  serviceKeyIsDefault: boolean;
  authSecret: string;
  jwtExpiresIn: string;
  /** `PERSONA_TOKEN_EXPIRES_IN` in seconds. */
  personaTokenSeconds: number;
  seedSecret: string;
  admin: { email: string; password: string; isDefault: boolean } | undefined;
  /** `TRANSCRIPT_RETENTION_DAYS`. */
  transcriptRetentionDays: number;
  /** The identity service's login limiter (`LOGIN_*`, `TRUST_PROXY`), as it reads them. */
  login: LoginLimitEnv;
  logLevel: LogLevel;
  /** `MANA_TARGET`: the target file, when the personas live in another app. */
  target: string | undefined;
  /** The runner's knobs (brain, interval, concurrency, timeouts), as the runner reads them. */
  runner: RunnerEnv;
}

/** Parses the environment; outside production every secret has a development default. */
export function parseStackEnv(source: Record<string, string | undefined> = process.env): StackEnv {
  const env = parseEnv(schema, source, 'stack');
  const production = env.NODE_ENV === 'production';
  const admin =
    env.MANA_ADMIN_EMAIL && env.MANA_ADMIN_PASSWORD
      ? { email: env.MANA_ADMIN_EMAIL, password: env.MANA_ADMIN_PASSWORD, isDefault: false }
      : production
        ? undefined
        : { ...DEV_ADMIN, isDefault: true };
  // The runner's own PORT is not the stack's: it listens on RUNNER_PORT.
  const { PORT: _ignored, ...runnerSource } = source;
  return {
    production,
    databaseUrl: env.DATABASE_URL,
    host: env.HOST,
    authPort: env.AUTH_PORT,
    mcpPort: env.MCP_PORT,
    runnerPort: env.RUNNER_PORT,
    consolePort: env.CONSOLE_PORT,

    serviceKey: env.MANA_SERVICE_KEY || DEV_SERVICE_KEY,
    serviceKeyIsDefault: !env.MANA_SERVICE_KEY,
    authSecret: env.BETTER_AUTH_SECRET ?? DEV_AUTH_SECRET,
    jwtExpiresIn: env.JWT_EXPIRES_IN,
    personaTokenSeconds: env.PERSONA_TOKEN_EXPIRES_IN,
    seedSecret: env.PERSONA_SEED_SECRET || DEV_PERSONA_SEED_SECRET,
    admin,
    transcriptRetentionDays: env.TRANSCRIPT_RETENTION_DAYS,
    login: parseLoginLimitEnv(source),
    logLevel: env.LOG_LEVEL,
    target: env.MANA_TARGET,
    runner: parseRunnerEnv(runnerSource),
  };
}
