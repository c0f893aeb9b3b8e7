/** The model providers the llm brain speaks to, as `PERSONA_MODEL` names them. */
export const LLM_PROVIDERS = ['anthropic', 'openai', 'openai-compatible'] as const;

/** One of {@link LLM_PROVIDERS}. */
export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/** `PERSONA_MODEL` read: which provider, which model. */
export interface ModelSpec {
  provider: LlmProvider;
  modelId: string;
}

/** True when `value` has a `provider:` prefix (of any provider, known or not). */
export function hasProviderPrefix(value: string): boolean {
  return /^[a-z][a-z0-9-]*:./.test(value);
}

/**
 * Reads `provider:model` (`anthropic:claude-sonnet-4-5`, `openai:gpt-4.1-mini`,
 * `openai-compatible:qwen3-8b`). Answers the problem in words for anything else, so
 * start-up can name the setting.
 *
 * @example
 * parseModelSpec('openai-compatible:qwen3-8b') // { provider: 'openai-compatible', modelId: 'qwen3-8b' }
 */
export function parseModelSpec(value: string): ModelSpec | { problem: string } {
  const at = value.indexOf(':');
  const provider = value.slice(0, at);
  const modelId = value.slice(at + 1).trim();
  if (at < 1 || modelId === '') {
    return {
      problem: `must be provider:model (${LLM_PROVIDERS.join(', ')}), e.g. openai:gpt-4.1-mini; got "${value}"`,
    };
  }
  if (!(LLM_PROVIDERS as readonly string[]).includes(provider)) {
    return {
      problem: `unknown provider "${provider}"; known: ${LLM_PROVIDERS.join(', ')}`,
    };
  }
  return { provider: provider as LlmProvider, modelId };
}
