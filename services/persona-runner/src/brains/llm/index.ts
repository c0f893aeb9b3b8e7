export { DEFAULT_MAX_TURNS, type LlmBrainOptions } from './brain-options';
export { LLM_BRAIN_ERRORS, LlmBrainError, type LlmBrainErrorCode } from './errors';
export { createLlmBrain } from './llm-brain';
export {
  hasProviderPrefix,
  LLM_PROVIDERS,
  type LlmProvider,
  type ModelSpec,
  parseModelSpec,
} from './model-spec';
export { costUsd, type ModelPrice, PRICE_TABLE, parsePrice, priceOf } from './prices';
export { type RetryPolicy, retryAfterMs, retryingFetch } from './retrying-fetch';
