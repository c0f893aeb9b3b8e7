import { DEV_PERSONA_SEED_SECRET, DEV_SERVICE_KEY } from '@mana/contracts';
import { LOG_LEVELS } from '@mana/http';
import { parseRunnerEnv, type RunnerEnv } from '@mana/persona-runner';
import { z } from 'zod';

const DEV_AUTH_SECRET = 'mana-dev-better-auth-secret-not-for-production';
const DEV_ADMIN = { email: 'admin@mana.test', password: 'mana-admin-dev-password' };
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    DATABASE_URL: z.string().optional(),
    HOST: z.string().default('127.0.0.1'),
    AUTH_PORT: port(3001),
    MCP_PORT: port(3069),
    RUNNER_PORT: port(3070),
    CONSOLE_PORT: port(3000),
    MANA_SERVICE_KEY: z.string().optional(),
    BETTER_AUTH_SECRET: z.string().min(32).optional(),
    PERSONA_SEED_SECRET: z.string().optional(),
    MANA_ADMIN_EMAIL: z.email().optional(),
    MANA_ADMIN_PASSWORD: z.string().min(12).optional(),
    // Request logs are `info`; the default keeps the terminal to the start-up lines and
    // one line per tick.
    LOG_LEVEL: z.enum(LOG_LEVELS).default('warn'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['MANA_SERVICE_KEY', 'BETTER_AUTH_SECRET', 'PERSONA_SEED_SECRET'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required in production' });
    }
  });

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
  seedSecret: string;
  admin: { email: string; password: string; isDefault: boolean } | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** The runner's knobs (brain, interval, concurrency, timeouts), as the runner reads them. */
  runner: RunnerEnv;
}

/** Parses the environment; outside production every secret has a development default. */
export function parseStackEnv(source: Record<string, string | undefined> = process.env): StackEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${fields.join('\n  ')}`);
  }
  const env = parsed.data;
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
    seedSecret: env.PERSONA_SEED_SECRET || DEV_PERSONA_SEED_SECRET,
    admin,
    logLevel: env.LOG_LEVEL,
    runner: parseRunnerEnv(runnerSource),
  };
}
