import type { Usage } from '../types';

/** Why an llm day or rating failed, in words an operator reads on the tick. */
export const LLM_BRAIN_ERRORS = {
  /** The gateway could not be reached, refused the persona, or offered none of its tools. */
  GATEWAY_UNAVAILABLE: 'The MCP gateway is not available to the persona',
  /** The model API kept failing (rate limit past its retries, overload, auth, 5xx…). */
  API_ERROR: 'The model API failed',
  /** `day.signal` was aborted (timeout or shutdown). */
  ABORTED: "The persona's day was aborted",
} as const;

/** One of {@link LLM_BRAIN_ERRORS}' keys. */
export type LlmBrainErrorCode = keyof typeof LLM_BRAIN_ERRORS;

/**
 * The one error the llm brain throws: `code` says which kind of failure, `message` what
 * happened, `cause` what the AI SDK or the gateway client threw, `usage` what the day had
 * spent before it failed (the runner still puts it on the tick).
 */
export class LlmBrainError extends Error {
  override readonly name = 'LlmBrainError';
  usage?: Usage;

  constructor(
    readonly code: LlmBrainErrorCode,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ?? LLM_BRAIN_ERRORS[code], options);
  }
}

/** The message of anything thrown, for error texts. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
