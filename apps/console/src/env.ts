import { LOG_LEVELS } from '@mana/http';
import { z } from 'zod';

const DEV_SERVICE_KEY = 'mana-dev-service-key';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  /** The identity service: sign-in goes there, its JWKS verifies sessions. */
  MANA_AUTH_URL: z.url().default('http://localhost:3001'),
  /** The `iss` tokens must carry, when the identity service's public URL differs. */
  MANA_TOKEN_ISSUER: z.url().optional(),
  MANA_SERVICE_KEY: z.string().optional(),
  /** Comma-separated extra origins whose form posts are accepted (behind a proxy). */
  CONSOLE_TRUSTED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

/** The console's configuration, parsed once at start-up. */
export interface ConsoleEnvConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  authUrl: string;
  issuer: string;
  serviceKey: string;
  trustedOrigins: string[];
  logLevel: (typeof LOG_LEVELS)[number];
}

/**
 * Parses the environment, failing fast with every bad field named. Outside production the
 * service key defaults to the development key `npm start` uses; in production it is required.
 */
export function parseConsoleEnv(
  source: Record<string, string | undefined> = process.env,
): ConsoleEnvConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid console configuration:\n  ${fields.join('\n  ')}`);
  }
  const env = parsed.data;
  const serviceKey = env.MANA_SERVICE_KEY || (env.NODE_ENV === 'production' ? '' : DEV_SERVICE_KEY);
  if (!serviceKey) {
    throw new Error('Invalid console configuration:\n  MANA_SERVICE_KEY: required in production');
  }
  const authUrl = env.MANA_AUTH_URL.replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    authUrl,
    issuer: env.MANA_TOKEN_ISSUER ?? authUrl,
    serviceKey,
    trustedOrigins: (env.CONSOLE_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL,
  };
}
