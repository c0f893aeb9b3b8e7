/** How to build a Claude Agent SDK brain. */
export interface ClaudeAgentSdkBrainOptions {
  /** Anthropic API key, handed to the CLI as `ANTHROPIC_API_KEY`. */
  apiKey: string;
  /** Anthropic API base URL (`ANTHROPIC_BASE_URL`); the CLI's default when left out. */
  baseUrl?: string;
  /** Model id; {@link DEFAULT_MODEL} when left out. */
  model?: string;
  /** Model turns per day at most; {@link DEFAULT_MAX_TURNS} when left out. */
  maxTurns?: number;
  /**
   * Retries of a failed API request (429, 5xx, …), passed as `CLAUDE_CODE_MAX_RETRIES`;
   * {@link DEFAULT_MAX_API_RETRIES} when left out. The CLI's own default (10, with back-off
   * up to 32 s) would hold a persona for minutes in a rate-limit storm.
   */
  maxApiRetries?: number;
  /**
   * Where `PATH` (and proxy settings) for the CLI come from; `process.env` when left out.
   * The CLI gets nothing else from it: HOME is a fresh temporary directory per query.
   */
  env?: Record<string, string | undefined>;
}

/** The model a persona thinks with unless told otherwise. */
export const DEFAULT_MODEL = 'claude-sonnet-4-5';
/** Model turns per day, as the design asks. */
export const DEFAULT_MAX_TURNS = 15;
/** API retries: enough for a blip, few enough that a storm fails the persona in seconds. */
export const DEFAULT_MAX_API_RETRIES = 2;

/** {@link ClaudeAgentSdkBrainOptions} with every default filled in. */
export type ResolvedBrainOptions = Required<Omit<ClaudeAgentSdkBrainOptions, 'baseUrl'>> &
  Pick<ClaudeAgentSdkBrainOptions, 'baseUrl'>;

/** Fills in defaults and rejects values the CLI would misread. */
export function resolveBrainOptions(options: ClaudeAgentSdkBrainOptions): ResolvedBrainOptions {
  const maxTurns = options.maxTurns ?? DEFAULT_MAX_TURNS;
  const maxApiRetries = options.maxApiRetries ?? DEFAULT_MAX_API_RETRIES;
  if (!options.apiKey) throw new TypeError('claude-agent-sdk brain: apiKey is required');
  if (!Number.isInteger(maxTurns) || maxTurns < 1) {
    throw new RangeError(`claude-agent-sdk brain: maxTurns must be a positive integer`);
  }
  // The CLI clamps CLAUDE_CODE_MAX_RETRIES to 15.
  if (!Number.isInteger(maxApiRetries) || maxApiRetries < 0 || maxApiRetries > 15) {
    throw new RangeError(`claude-agent-sdk brain: maxApiRetries must be an integer in 0..15`);
  }
  return {
    apiKey: options.apiKey,
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    model: options.model ?? DEFAULT_MODEL,
    maxTurns,
    maxApiRetries,
    // The one place this brain reads process.env, and only as the caller's default.
    env: options.env ?? process.env,
  };
}
