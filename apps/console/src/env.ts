import { budgetSettingSchema, type ClaimBudget, DEV_SERVICE_KEY } from '@mana/contracts';
import { baseEnvSchema, type LogLevel, parseEnv, requiredInProduction } from '@mana/http';
import { z } from 'zod';

const schema = baseEnvSchema(3000)
  .extend({
    /** The identity service: sign-in goes there, its JWKS verifies sessions. */
    MANA_AUTH_URL: z.url().default('http://localhost:3001'),
    /** The `iss` tokens must carry, when the identity service's public URL differs. */
    MANA_TOKEN_ISSUER: z.url().optional(),
    MANA_SERVICE_KEY: z.string().optional(),
    /** Comma-separated extra origins whose form posts are accepted (behind a proxy). */
    CONSOLE_TRUSTED_ORIGINS: z.string().optional(),
    /** The runners' daily limits, for the overview's notice (the same settings as theirs). */
    PERSONA_DAILY_TOKEN_BUDGET: budgetSettingSchema({ integer: true }),
    DAILY_COST_CAP_USD: budgetSettingSchema({ integer: false }),
  })
  .superRefine(requiredInProduction(['MANA_SERVICE_KEY']));

/** The console's configuration, parsed once at start-up. */
export interface ConsoleEnvConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  authUrl: string;
  issuer: string;
  serviceKey: string;
  trustedOrigins: string[];
  /** The runners' daily limits, shown against today's spend. */
  budget: ClaimBudget;
  logLevel: LogLevel;
}

/**
 * Parses the environment, failing fast with every bad field named. Outside production the
 * service key defaults to the development key `npm start` uses; in production it is required.
 */
export function parseConsoleEnv(
  source: Record<string, string | undefined> = process.env,
): ConsoleEnvConfig {
  const env = parseEnv(schema, source, 'console');
  const authUrl = env.MANA_AUTH_URL.replace(/\/+$/, '');
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    authUrl,
    issuer: env.MANA_TOKEN_ISSUER ?? authUrl,
    serviceKey: env.MANA_SERVICE_KEY || DEV_SERVICE_KEY,
    trustedOrigins: (env.CONSOLE_TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    budget: {
      ...(env.PERSONA_DAILY_TOKEN_BUDGET !== undefined
        ? { personaDailyTokens: env.PERSONA_DAILY_TOKEN_BUDGET }
        : {}),
      ...(env.DAILY_COST_CAP_USD !== undefined ? { dailyCostUsd: env.DAILY_COST_CAP_USD } : {}),
    },
    logLevel: env.LOG_LEVEL,
  };
}
