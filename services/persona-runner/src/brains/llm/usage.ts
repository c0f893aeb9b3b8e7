import type { LanguageModelUsage } from 'ai';
import type { Usage } from '../types';
import { costUsd, type ModelPrice } from './prices';

/**
 * The runner's usage of the AI SDK's: input tokens with cache reads and writes counted
 * (they are input the model processed, as the Agent SDK brain counts them), output tokens,
 * and the cost at `price`, cache tokens at their own rates.
 */
export function usageOf(usage: LanguageModelUsage | undefined, price?: ModelPrice): Usage {
  const tokens = {
    input: usage?.inputTokens ?? 0,
    cacheRead: usage?.inputTokenDetails?.cacheReadTokens ?? 0,
    cacheWrite: usage?.inputTokenDetails?.cacheWriteTokens ?? 0,
    output: usage?.outputTokens ?? 0,
  };
  return {
    inputTokens: tokens.input,
    outputTokens: tokens.output,
    cacheReadTokens: tokens.cacheRead,
    cacheWriteTokens: tokens.cacheWrite,
    costUsd: price ? costUsd(tokens, price) : 0,
  };
}
