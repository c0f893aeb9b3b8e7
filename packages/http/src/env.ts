import { DEV_SECRETS } from '@mana/contracts';
import { z } from 'zod';
import { type FieldIssue, fieldIssues } from './errors';
import { LOG_LEVELS } from './logger';

/** The values of `NODE_ENV` a service accepts. */
export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** A TCP port variable (0 = any free port) with its default. */
export function envPort(defaultPort: number) {
  return z.coerce.number().int().min(0).max(65535).default(defaultPort);
}

const sharedFields = () => ({
  NODE_ENV: z.enum(NODE_ENVS).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** OTLP/HTTP base URL; set, the deployable exports traces there (see `startTracing`). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .or(z.literal(''))
    .optional(),
});
type SharedFields = ReturnType<typeof sharedFields>;

/**
 * The variables every deployable reads: `NODE_ENV` (default `development`), `PORT` (the
 * service's default port), `HOST` (default loopback), `DATABASE_URL` (unset: embedded
 * PGlite), `LOG_LEVEL` (default `info`) and `OTEL_EXPORTER_OTLP_ENDPOINT` (unset or
 * empty: no traces). A service extends it with its own fields.
 * Without a port (a process serving several parts, each on its own `*_PORT`) there is no
 * `PORT`.
 *
 * @example
 * const schema = baseEnvSchema(3069).extend({ MANA_AUTH_URL: z.url().default('http://localhost:3001') });
 */
export function baseEnvSchema(
  defaultPort: number,
): z.ZodObject<SharedFields & { PORT: ReturnType<typeof envPort> }>;
export function baseEnvSchema(): z.ZodObject<SharedFields>;
export function baseEnvSchema(defaultPort?: number) {
  if (defaultPort === undefined) return z.object(sharedFields());
  const { NODE_ENV, ...rest } = sharedFields();
  return z.object({ NODE_ENV, PORT: envPort(defaultPort), ...rest });
}

/**
 * A `superRefine` check: in production each of these variables must be set and non-empty
 * (`<KEY>: required in production`); elsewhere they may fall back to development values.
 *
 * @example
 * baseEnvSchema(3001).extend({ MANA_SERVICE_KEY: z.string().optional() })
 *   .superRefine(requiredInProduction(['MANA_SERVICE_KEY']));
 */
export function requiredInProduction<K extends string>(keys: readonly K[]) {
  return (env: { NODE_ENV: NodeEnv } & { [key in K]?: unknown }, ctx: z.RefinementCtx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of keys) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'required in production' });
    }
  };
}

/** The variables that hold shared secrets, in whichever deployable reads them. */
export const SECRET_VARIABLES = [
  'MANA_SERVICE_KEY',
  'BETTER_AUTH_SECRET',
  'PERSONA_SEED_SECRET',
] as const;

/** Shortest secret production accepts. */
export const MIN_SECRET_LENGTH = 32;

/**
 * In production, the secrets a deployable reads ({@link SECRET_VARIABLES} present in its
 * parsed env) must be at least {@link MIN_SECRET_LENGTH} characters and none of the
 * published development defaults: a stack started with them is open to anyone who read
 * the README. Elsewhere anything goes. {@link parseEnv} applies it to every deployable.
 */
export function productionSecretIssues(env: Record<string, unknown>): FieldIssue[] {
  if (env.NODE_ENV !== 'production') return [];
  const issues: FieldIssue[] = [];
  for (const key of SECRET_VARIABLES) {
    const value = env[key];
    if (typeof value !== 'string' || value === '') continue;
    if (DEV_SECRETS.includes(value)) {
      issues.push({ path: key, message: 'is a published development default; set your own' });
    } else if (value.length < MIN_SECRET_LENGTH) {
      issues.push({
        path: key,
        message: `must be at least ${MIN_SECRET_LENGTH} characters in production`,
      });
    }
  }
  return issues;
}

/** A configuration that does not parse; `fields` names every bad variable. */
export class EnvError extends Error {
  readonly fields: FieldIssue[];

  constructor(what: string, fields: FieldIssue[], options?: { cause?: unknown }) {
    const lines = fields.map((f) => `${f.path}: ${f.message}`);
    super(`Invalid ${what} configuration:\n  ${lines.join('\n  ')}`, options);
    this.name = 'EnvError';
    this.fields = fields;
  }
}

/**
 * Parses a deployable's environment at start-up, failing fast: an {@link EnvError}
 * `Invalid <what> configuration:` followed by one `FIELD: problem` line per bad variable.
 * In production it also refuses weak and development secrets ({@link productionSecretIssues}).
 *
 * @example
 * const env = parseEnv(schema, process.env, 'identity service');
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined>,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) throw new EnvError(what, fieldIssues(parsed.error), { cause: parsed.error });
  const weak = productionSecretIssues(parsed.data as Record<string, unknown>);
  if (weak.length > 0) throw new EnvError(what, weak);
  return parsed.data;
}
