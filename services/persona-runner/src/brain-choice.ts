import { EnvError, type FieldIssue } from '@mana/http';
import { hasProviderPrefix, type ModelSpec, parseModelSpec } from './brains/llm/model-spec';
import { type ModelPrice, parsePrice } from './brains/llm/prices';

/** Which brain drives the personas. */
export type BrainChoice = 'scripted' | 'claude-agent-sdk' | 'llm';

/** What the llm brain needs, resolved from the environment. */
export interface LlmSettings {
  spec: ModelSpec;
  apiKey: string | undefined;
  baseUrl: string | undefined;
  retry: { maxRetries: number; maxRetryAfterMs: number };
  /** `PERSONA_MODEL_PRICE`, overriding the price table's entry. */
  price: ModelPrice | undefined;
}

/** The environment variables the choice reads (already parsed). */
export interface BrainChoiceSource {
  PERSONA_BRAIN: 'auto' | BrainChoice;
  PERSONA_MODEL?: string | undefined;
  PERSONA_MODEL_BASE_URL?: string | undefined;
  PERSONA_MODEL_API_KEY?: string | undefined;
  ANTHROPIC_API_KEY?: string | undefined;
  ANTHROPIC_BASE_URL?: string | undefined;
  OPENAI_API_KEY?: string | undefined;
  PERSONA_MODEL_MAX_RETRIES: number;
  PERSONA_MODEL_RETRY_AFTER_MAX_MS: number;
  PERSONA_MODEL_PRICE?: string | undefined;
}

/** The brain chosen, why, and the llm brain's settings when it is the one. */
export interface ResolvedBrain {
  brain: BrainChoice;
  /** Said at start-up, e.g. "auto: PERSONA_MODEL names a provider (openai-compatible)". */
  reason: string;
  llm: LlmSettings | undefined;
}

/**
 * Picks the brain. `PERSONA_BRAIN=auto` takes, in this order: `llm` when `PERSONA_MODEL`
 * names a provider (`provider:model`); `claude-agent-sdk` when `ANTHROPIC_API_KEY` is set;
 * else the offline `scripted` brain. When `llm` is chosen its settings must be complete:
 * a malformed `PERSONA_MODEL` or unknown provider, a missing key (`ANTHROPIC_API_KEY` or
 * `OPENAI_API_KEY`, or `PERSONA_MODEL_API_KEY` for either) or a missing
 * `PERSONA_MODEL_BASE_URL` for `openai-compatible` is an {@link EnvError} naming it.
 */
export function chooseBrain(env: BrainChoiceSource): ResolvedBrain {
  const model = env.PERSONA_MODEL;
  const prefixed = model !== undefined && hasProviderPrefix(model);
  let brain: BrainChoice;
  let reason: string;
  if (env.PERSONA_BRAIN !== 'auto') {
    brain = env.PERSONA_BRAIN;
    reason = `PERSONA_BRAIN=${brain}`;
  } else if (prefixed) {
    brain = 'llm';
    reason = `auto: PERSONA_MODEL names a provider (${model.slice(0, model.indexOf(':'))})`;
  } else if (env.ANTHROPIC_API_KEY) {
    brain = 'claude-agent-sdk';
    reason = 'auto: ANTHROPIC_API_KEY is set';
  } else {
    brain = 'scripted';
    reason =
      'auto: no PERSONA_MODEL provider and no ANTHROPIC_API_KEY, so the offline scripted brain';
  }
  return { brain, reason, llm: brain === 'llm' ? llmSettings(env) : undefined };
}

function llmSettings(env: BrainChoiceSource): LlmSettings {
  const issues: FieldIssue[] = [];
  const parsed = env.PERSONA_MODEL
    ? parseModelSpec(env.PERSONA_MODEL)
    : { problem: 'required by the llm brain, as provider:model (e.g. openai:gpt-4.1-mini)' };
  if ('problem' in parsed)
    throw new EnvError('persona runner', [{ path: 'PERSONA_MODEL', message: parsed.problem }]);
  let apiKey = env.PERSONA_MODEL_API_KEY || undefined;
  let baseUrl = env.PERSONA_MODEL_BASE_URL;
  if (parsed.provider === 'anthropic') {
    apiKey ??= env.ANTHROPIC_API_KEY || undefined;
    if (!baseUrl && env.ANTHROPIC_BASE_URL)
      baseUrl = `${env.ANTHROPIC_BASE_URL.replace(/\/+$/, '')}/v1`;
    if (!apiKey)
      issues.push({
        path: 'ANTHROPIC_API_KEY',
        message: `required by PERSONA_MODEL=${env.PERSONA_MODEL}`,
      });
  } else if (parsed.provider === 'openai') {
    apiKey ??= env.OPENAI_API_KEY || undefined;
    if (!apiKey)
      issues.push({
        path: 'OPENAI_API_KEY',
        message: `required by PERSONA_MODEL=${env.PERSONA_MODEL}`,
      });
  } else if (!baseUrl) {
    issues.push({
      path: 'PERSONA_MODEL_BASE_URL',
      message: `required by PERSONA_MODEL=${env.PERSONA_MODEL}: the server's URL, e.g. http://127.0.0.1:11434/v1`,
    });
  }
  const price = env.PERSONA_MODEL_PRICE ? parsePrice(env.PERSONA_MODEL_PRICE) : undefined;
  if (price && 'problem' in price)
    issues.push({ path: 'PERSONA_MODEL_PRICE', message: price.problem });
  if (issues.length > 0) throw new EnvError('persona runner', issues);
  return {
    spec: parsed,
    apiKey,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    retry: {
      maxRetries: env.PERSONA_MODEL_MAX_RETRIES,
      maxRetryAfterMs: env.PERSONA_MODEL_RETRY_AFTER_MAX_MS,
    },
    price: price as ModelPrice | undefined,
  };
}
