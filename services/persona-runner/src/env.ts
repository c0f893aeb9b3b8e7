import { hostname } from 'node:os';
import {
  budgetSettingSchema,
  type ClaimBudget,
  DEV_PERSONA_SEED_SECRET,
  DEV_SERVICE_KEY,
} from '@mana/contracts';
import { baseEnvSchema, type LogLevel, parseEnv } from '@mana/http';
import { z } from 'zod';
import { type BrainChoice, chooseBrain, type LlmSettings } from './brain-choice';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const schema = baseEnvSchema(3070).extend({
  MANA_AUTH_URL: z.url().default('http://localhost:3001'),
  MANA_MCP_URL: z.url().default('http://localhost:3069'),
  MANA_SERVICE_KEY: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.url().optional(),
  PERSONA_SEED_SECRET: z.string().optional(),
  TICK_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  // Issue 12: 100 llm persona-days at once in one runner (bench:brains --personas 100).
  PERSONA_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(2),
  RUNNER_PAUSED: bool,
  PERSONA_BRAIN: z.enum(['auto', 'scripted', 'claude-agent-sdk', 'llm']).default('auto'),
  PERSONA_MODEL: z.string().min(1).optional(),
  /** The llm brain's API base URL (with its /v1); required for openai-compatible. */
  PERSONA_MODEL_BASE_URL: z.url().optional(),
  /** The llm brain's API key, instead of the provider's own variable. */
  PERSONA_MODEL_API_KEY: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  /** Retries of a failed model request (429, 5xx) by the llm brain. */
  PERSONA_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
  /** Longest Retry-After the llm brain waits; a longer one fails the persona at once. */
  /** The llm model's price, `input,output[,cacheRead[,cacheWrite]]` USD per million tokens. */
  PERSONA_MODEL_PRICE: z.string().optional(),
  PERSONA_MODEL_RETRY_AFTER_MAX_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
  PERSONA_TICK_TIMEOUT_MS: z.coerce.number().int().min(1000).default(600_000),
  /** One tool call's deadline: past it the call is recorded as a `timeout`. */
  PERSONA_CALL_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Seed of the scripted brain: the same seed lives the same days. */
  PERSONA_SCRIPTED_SEED: z.coerce.number().int().default(1),
  /** How long SIGTERM waits for the tick in flight before aborting its personas. */
  RUNNER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long a claim on a persona lasts; renewed at a third of it while the day runs. */
  RUNNER_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** The runner's data directory (its crash journal); default `.data/runner-<RUNNER_ID>`. */
  RUNNER_DATA_DIR: z.string().min(1).optional(),
  /** Tokens (input with cache, plus output) one persona may use per UTC day; unset: no limit. */
  PERSONA_DAILY_TOKEN_BUDGET: budgetSettingSchema({ integer: true }),
  /** USD all personas together may cost per UTC day; unset: no limit. */
  DAILY_COST_CAP_USD: budgetSettingSchema({ integer: false }),
  RUNNER_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/)
    .optional(),
});

export type { BrainChoice, LlmSettings } from './brain-choice';

/** The runner's configuration, parsed once at start-up. */
export interface RunnerEnv {
  production: boolean;
  port: number;
  host: string;
  authUrl: string;
  mcpUrl: string;
  /** Empty when unset in production: the loop stays off with a warning. */
  serviceKey: string;
  anthropicApiKey: string | undefined;
  anthropicBaseUrl: string | undefined;
  seedSecret: string;
  tickIntervalMs: number;
  concurrency: number;
  paused: boolean;
  brainSetting: 'auto' | BrainChoice;
  /** `auto` resolved (see `chooseBrain`): llm, the Agent SDK, or scripted. */
  brain: BrainChoice;
  /** Why this brain, said at start-up. */
  brainReason: string;
  /** The llm brain's model, key, base URL and retries, when it is the brain. */
  llm: LlmSettings | undefined;
  model: string | undefined;
  personaTimeoutMs: number;
  callTimeoutMs: number;
  scriptedSeed: number;
  shutdownGraceMs: number;
  leaseSeconds: number;
  runnerId: string;
  /** Where the crash journal lives (`RUNNER_DATA_DIR`). */
  dataDir: string;
  /** The daily limits sent with every claim; empty when neither is set. */
  budget: ClaimBudget;
  logLevel: LogLevel;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: where traces go; undefined, none are made. */
  otlpEndpoint: string | undefined;
  /** What the Agent SDK's CLI subprocess may see: PATH and HOME only. */
  processEnv: { PATH: string | undefined; HOME: string | undefined };
}

/**
 * Parses the environment, failing fast with every bad field named. Outside production
 * the service key and seed secret default to the development values the rest of the
 * stack uses; in production they must be set (without them the loop stays disabled).
 */
export function parseRunnerEnv(
  source: Record<string, string | undefined> = process.env,
): RunnerEnv {
  const env = parseEnv(schema, source, 'persona runner');
  const production = env.NODE_ENV === 'production';
  const apiKey = env.ANTHROPIC_API_KEY || undefined;
  const chosen = chooseBrain(env);
  const runnerId =
    env.RUNNER_ID ??
    `${
      hostname()
        .replace(/[^A-Za-z0-9_.-]/g, '')
        .slice(0, 24) || 'runner'
    }-${process.pid}`;
  return {
    production,
    port: env.PORT,
    host: env.HOST,
    authUrl: env.MANA_AUTH_URL.replace(/\/+$/, ''),
    mcpUrl: env.MANA_MCP_URL.replace(/\/+$/, ''),
    serviceKey: env.MANA_SERVICE_KEY || (production ? '' : DEV_SERVICE_KEY),
    anthropicApiKey: apiKey,
    anthropicBaseUrl: env.ANTHROPIC_BASE_URL,
    seedSecret: env.PERSONA_SEED_SECRET || (production ? '' : DEV_PERSONA_SEED_SECRET),
    tickIntervalMs: env.TICK_INTERVAL_MS,
    concurrency: env.PERSONA_CONCURRENCY,
    paused: env.RUNNER_PAUSED,
    brainSetting: env.PERSONA_BRAIN,
    brain: chosen.brain,
    brainReason: chosen.reason,
    llm: chosen.llm,
    model: env.PERSONA_MODEL,
    personaTimeoutMs: env.PERSONA_TICK_TIMEOUT_MS,
    callTimeoutMs: env.PERSONA_CALL_TIMEOUT_MS,
    scriptedSeed: env.PERSONA_SCRIPTED_SEED,
    shutdownGraceMs: env.RUNNER_SHUTDOWN_GRACE_MS,
    leaseSeconds: env.RUNNER_LEASE_SECONDS,
    runnerId,
    dataDir: env.RUNNER_DATA_DIR ?? `.data/runner-${runnerId}`,
    budget: {
      ...(env.PERSONA_DAILY_TOKEN_BUDGET !== undefined
        ? { personaDailyTokens: env.PERSONA_DAILY_TOKEN_BUDGET }
        : {}),
      ...(env.DAILY_COST_CAP_USD !== undefined ? { dailyCostUsd: env.DAILY_COST_CAP_USD } : {}),
    },
    logLevel: env.LOG_LEVEL,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    processEnv: { PATH: source.PATH, HOME: source.HOME },
  };
}
