import type { SDKResultMessage } from '@anthropic-ai/claude-agent-sdk';
import { ClaudeAgentSdkBrainError } from './errors';

/**
 * What a result message means for the brain: `undefined` when the run may count (it
 * completed, or it stopped at the turn limit, which is how a long day ends), otherwise
 * the error to throw. `retries` is how many `api_retry` messages preceded it.
 *
 * @example
 * resultFailure(result, 2)?.message // "Anthropic API error 429 after 2 retries: API Error: …"
 */
export function resultFailure(
  result: SDKResultMessage,
  retries: number,
): ClaudeAgentSdkBrainError | undefined {
  if (!result.is_error) return undefined;
  if (result.subtype === 'error_max_turns' || result.terminal_reason === 'max_turns') {
    return undefined;
  }
  if (result.subtype !== 'success') {
    return new ClaudeAgentSdkBrainError(
      'RUN_FAILED',
      `Claude Code ended with ${result.subtype}${detail(result.errors.join('; '))}`,
    );
  }
  // API failures come as subtype "success" with is_error set and the error as the text.
  const status = result.api_error_status;
  if ((status !== undefined && status !== null) || result.terminal_reason === 'api_error') {
    const what = status ? `Anthropic API error ${status}` : 'Anthropic API error';
    const after = `after ${retries} ${retries === 1 ? 'retry' : 'retries'}`;
    return new ClaudeAgentSdkBrainError('API_ERROR', `${what} ${after}${detail(result.result)}`);
  }
  const reason = result.terminal_reason ?? 'unknown reason';
  return new ClaudeAgentSdkBrainError(
    'RUN_FAILED',
    `Claude Code ended with an error (${reason})${detail(result.result)}`,
  );
}

function detail(text: string): string {
  const trimmed = text.trim();
  return trimmed ? `: ${trimmed}` : '';
}
