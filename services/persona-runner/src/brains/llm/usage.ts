import type { LanguageModelUsage } from 'ai';
import type { Usage } from '../types';

/** The runner's usage of the AI SDK's, summed over a day's steps (cost is priced later). */
export function usageOf(usage: LanguageModelUsage | undefined): Usage {
  return {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    costUsd: 0,
  };
}
