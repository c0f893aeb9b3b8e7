import type { Brain } from '../types';
import { DEFAULT_MAX_TURNS, type LlmBrainOptions } from './brain-options';
import { languageModel } from './language-model';
import { liveDay } from './live-day';
import { priceOf } from './prices';
import { rateDay } from './rate-day';
import { retryingFetch } from './retrying-fetch';

/**
 * A persona's mind as an agent loop inside the runner process: the Vercel AI SDK talks to
 * the model (Anthropic, OpenAI, or any OpenAI-compatible server), the runner's own MCP
 * client to the gateway. No subprocess: a day costs the model's time plus a few ms of
 * CPU and a few MB.
 *
 * @example
 * const brain = createLlmBrain({
 *   model: { provider: 'openai-compatible', modelId: 'qwen3-8b' },
 *   baseUrl: 'http://127.0.0.1:11434/v1',
 * });
 */
export function createLlmBrain(options: LlmBrainOptions): Brain {
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new RangeError('llm brain: maxTurns must be a positive integer');
  }
  const model = languageModel(options.model, {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    fetch: retryingFetch(options.retry, options.fetch ?? globalThis.fetch),
  });
  const name = `${options.model.provider}:${options.model.modelId}`;
  const price = priceOf(name, options.price);
  return {
    name: 'llm',
    model: name,
    liveDay: (day) =>
      liveDay(day, {
        model,
        maxTurns,
        onStep: options.onStep,
        price,
        promptCache: options.model.provider === 'anthropic' && options.promptCache !== false,
      }),
    rateDay: (day, experience, calls = []) => rateDay(day, experience, calls, model, price),
  };
}
