/** Passed on from the caller's environment when set: how to find programs and the network. */
const PASSED_ON = [
  'PATH',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
  'NODE_EXTRA_CA_CERTS',
] as const;

/** What the CLI's environment is built from. */
export interface CliEnvironmentInput {
  /** The caller's environment (the brain's `env` option). */
  source: Record<string, string | undefined>;
  /** A fresh temporary directory: the CLI's HOME, so no user settings or transcripts leak in. */
  home: string;
  apiKey: string;
  baseUrl?: string;
  maxApiRetries: number;
}

/**
 * The complete environment of one CLI process. It replaces the CLI's environment rather
 * than extending it, so nothing of the runner's own secrets (service key, seed secret)
 * reaches the subprocess, and no telemetry or update traffic leaves the machine.
 */
export function cliEnvironment(input: CliEnvironmentInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED_ON) {
    const value = input.source[name];
    if (value !== undefined) env[name] = value;
  }
  env.HOME = input.home;
  env.ANTHROPIC_API_KEY = input.apiKey;
  if (input.baseUrl) env.ANTHROPIC_BASE_URL = input.baseUrl;
  env.CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC = '1';
  env.CLAUDE_CODE_MAX_RETRIES = String(input.maxApiRetries);
  return env;
}
