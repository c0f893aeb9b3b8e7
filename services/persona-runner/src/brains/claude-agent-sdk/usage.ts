import type { SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import type { Usage } from '../types';

/**
 * Tokens and cost of a query from its result message. Tokens (cache reads and writes also apart) come from `modelUsage`
 * (every model call of the query, which the SDK calls the field for accounting), input
 * counting cache reads and writes, since those are input the model processed; the cost
 * is the CLI's estimate `total_cost_usd`. Falls back to the main loop's `usage` when
 * `modelUsage` is empty.
 */
export function usageFromResult(result: SDKResultMessage): Usage {
  const perModel = Object.values(result.modelUsage ?? {});
  if (perModel.length > 0) {
    return {
      inputTokens: sum(
        perModel.map(
          (m) => m.inputTokens + (m.cacheReadInputTokens ?? 0) + (m.cacheCreationInputTokens ?? 0),
        ),
      ),
      outputTokens: sum(perModel.map((m) => m.outputTokens)),
      cacheReadTokens: sum(perModel.map((m) => m.cacheReadInputTokens ?? 0)),
      cacheWriteTokens: sum(perModel.map((m) => m.cacheCreationInputTokens ?? 0)),
      costUsd: result.total_cost_usd ?? 0,
    };
  }
  const usage = result.usage;
  return {
    inputTokens:
      (usage?.input_tokens ?? 0) +
      (usage?.cache_read_input_tokens ?? 0) +
      (usage?.cache_creation_input_tokens ?? 0),
    outputTokens: usage?.output_tokens ?? 0,
    cacheReadTokens: usage?.cache_read_input_tokens ?? 0,
    cacheWriteTokens: usage?.cache_creation_input_tokens ?? 0,
    costUsd: result.total_cost_usd ?? 0,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}
