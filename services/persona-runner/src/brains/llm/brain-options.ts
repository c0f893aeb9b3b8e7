import type { StepResult, ToolSet } from 'ai';
import type { ModelSpec } from './model-spec';
import type { ModelPrice } from './prices';
import type { RetryPolicy } from './retrying-fetch';

/** How to build an llm brain. */
export interface LlmBrainOptions {
  /** Provider and model, as `PERSONA_MODEL` names them. */
  model: ModelSpec;
  /** The provider's API key (none for a local OpenAI-compatible server). */
  apiKey?: string | undefined;
  /** The API's base URL with its version path; required for `openai-compatible`. */
  baseUrl?: string | undefined;
  /** Model turns per day at most; {@link DEFAULT_MAX_TURNS} when left out. */
  maxTurns?: number;
  /** Bounded retries of the model API (429 and 5xx, `retry-after` capped). */
  retry?: RetryPolicy;
  /**
   * Called after every model turn of a day with the AI SDK's step (text, tool calls,
   * tool results, usage): the hook a transcript recorder takes.
   */
  onStep?: (day: { tickId: string }, step: StepResult<ToolSet>) => void;
  /** The model's price, instead of its entry in `PRICE_TABLE` (unlisted models cost 0). */
  price?: ModelPrice | undefined;
  /**
   * Anthropic prompt caching of the day's system prompt and tool list (a cache breakpoint
   * on each), so the turns after the first read them at the cache price. Default: on for
   * `anthropic`; other providers ignore it (OpenAI caches long prompts by itself).
   */
  promptCache?: boolean;
  /** The fetch under the retries; `globalThis.fetch` when left out. */
  fetch?: typeof fetch;
}

/** Model turns per day, as the design asks. */
export const DEFAULT_MAX_TURNS = 15;
/** Longest output of one model turn, so a rambling model cannot run up a bill. */
export const MAX_OUTPUT_TOKENS = 2_048;
