import type { Usage } from '../types';

/**
 * Why a Claude Agent SDK day or rating failed, with the message an operator reads on the
 * tick. Codes are data so the runner, logs and tests can tell failures apart.
 */
export const CLAUDE_AGENT_SDK_ERRORS = {
  /** The gateway could not be reached, refused the persona, or offered none of its tools. */
  GATEWAY_UNAVAILABLE: 'The MCP gateway is not available to the persona',
  /** The Anthropic API kept failing (rate limit, overload, auth, server errors…). */
  API_ERROR: 'The Anthropic API failed',
  /** `day.signal` was aborted (timeout or shutdown). */
  ABORTED: "The persona's day was aborted",
  /** The CLI could not start, crashed, or ended without a usable result. */
  RUN_FAILED: 'The Claude Code run failed',
} as const;

/** One of {@link CLAUDE_AGENT_SDK_ERRORS}' keys. */
export type ClaudeAgentSdkErrorCode = keyof typeof CLAUDE_AGENT_SDK_ERRORS;

/**
 * The one error the Claude Agent SDK brain throws. `message` says what happened in words
 * (e.g. "Anthropic API error 429 after 2 retries: …"); `code` says which kind of failure;
 * `cause` keeps what the SDK, the CLI or the gateway client threw.
 */
export class ClaudeAgentSdkBrainError extends Error {
  override readonly name = 'ClaudeAgentSdkBrainError';
  /** What the run had spent when it failed, when a result message said so. */
  usage?: Usage;

  constructor(
    readonly code: ClaudeAgentSdkErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ?? CLAUDE_AGENT_SDK_ERRORS[code], options);
  }
}

/** The error for a day whose `signal` was aborted, keeping the abort reason as cause. */
export function abortedError(signal: AbortSignal): ClaudeAgentSdkBrainError {
  const reason = signal.reason === undefined ? '' : `: ${messageOf(signal.reason)}`;
  return new ClaudeAgentSdkBrainError('ABORTED', `${CLAUDE_AGENT_SDK_ERRORS.ABORTED}${reason}`, {
    cause: signal.reason,
  });
}

/** The message of anything thrown, for error texts. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
