import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Options,
  type Query,
  query,
  type SDKMessage,
  type SDKResultMessage,
} from '@anthropic-ai/claude-agent-sdk';
import type { Logger } from 'pino';
import { agentTurnSpans } from '../../telemetry/agent-turn-spans';
import type { ResolvedBrainOptions } from './brain-options';
import { cliEnvironment } from './cli-environment';
import { cliProcesses } from './cli-process';
import { abortedError, ClaudeAgentSdkBrainError, messageOf } from './errors';
import { resultFailure } from './result-failure';
import { usageFromResult } from './usage';

/** The options a caller chooses per query; the rest are the same for every query. */
export type QueryOptions = Pick<
  Options,
  'systemPrompt' | 'mcpServers' | 'allowedTools' | 'maxTurns'
>;

/** One query of the CLI. */
export interface AgentRunRequest {
  prompt: string;
  options: QueryOptions;
  brain: ResolvedBrainOptions;
  /** Aborting it stops the query and kills the CLI at once. */
  signal: AbortSignal;
  logger: Logger;
  /** Sees every message in order; what it throws ends the run and is rethrown. */
  onMessage?: (message: SDKMessage, query: Query) => void | Promise<void>;
}

/** A query that ended with a result the brain can use (completed or at its turn limit). */
export interface AgentRun {
  result: SDKResultMessage;
  /** How many times the CLI retried a failed API request. */
  retries: number;
}

/**
 * Runs one `query()` of the Claude Agent SDK and cleans up after it, whatever happens:
 * the CLI runs in a fresh temporary HOME and cwd with a complete environment of its own,
 * no built-in tools, no settings files, no saved session, and permission mode `dontAsk`
 * (only `allowedTools` run). The CLI has exited and its HOME is gone when this settles.
 *
 * Throws a {@link ClaudeAgentSdkBrainError}: `ABORTED` when `signal` aborted, `API_ERROR`
 * when the API kept failing, `RUN_FAILED` when the CLI failed otherwise, or whatever
 * `onMessage` threw.
 */
export async function runAgent(request: AgentRunRequest): Promise<AgentRun> {
  const { brain, signal, logger } = request;
  if (signal.aborted) throw abortedError(signal);
  const home = await mkdtemp(join(tmpdir(), 'persona-claude-'));
  const cli = cliProcesses(logger);
  const abortController = new AbortController();
  const onAbort = () => {
    abortController.abort(signal.reason);
    // The SDK would give the CLI 2 s to notice; a day that is aborted has no use for them.
    cli.kill();
  };
  signal.addEventListener('abort', onAbort, { once: true });

  let result: SDKResultMessage | undefined;
  let retries = 0;
  let thrown: unknown;
  let q: Query | undefined;
  const turns = agentTurnSpans(brain.model);
  try {
    q = query({
      prompt: request.prompt,
      options: {
        ...request.options,
        model: brain.model,
        cwd: home,
        env: cliEnvironment({
          source: brain.env,
          home,
          apiKey: brain.apiKey,
          ...(brain.baseUrl ? { baseUrl: brain.baseUrl } : {}),
          maxApiRetries: brain.maxApiRetries,
        }),
        tools: [],
        permissionMode: 'dontAsk',
        persistSession: false,
        settingSources: [],
        // Headers (the persona's token) go over stdin, not onto the command line.
        mcpServersDelivery: 'initialize',
        abortController,
        spawnClaudeCodeProcess: cli.spawn,
      },
    });
    for await (const message of q) {
      turns.observe(message);
      if (message.type === 'system' && message.subtype === 'api_retry') {
        retries += 1;
        logger.warn(
          { attempt: message.attempt, status: message.error_status, error: message.error },
          'anthropic api request failed; the cli retries',
        );
      }
      if (message.type === 'result') result = message;
      await request.onMessage?.(message, q);
    }
  } catch (error) {
    thrown = error;
  } finally {
    turns.end();
    signal.removeEventListener('abort', onAbort);
    q?.close();
    await cli.stop(result && !signal.aborted ? undefined : 0);
    await rm(home, { recursive: true, force: true }).catch((error: unknown) =>
      logger.warn({ err: error, home }, 'could not remove the cli home'),
    );
  }

  if (signal.aborted) throw abortedError(signal);
  if (thrown instanceof ClaudeAgentSdkBrainError) throw thrown;
  if (result) {
    // The SDK throws after an error result; the result says more than that error.
    const failure = resultFailure(result, retries);
    if (failure) {
      failure.usage = usageFromResult(result);
      throw failure;
    }
    return { result, retries };
  }
  const why = thrown === undefined ? 'no result message' : messageOf(thrown);
  const stderr = cli.stderrTail().slice(-500);
  throw new ClaudeAgentSdkBrainError(
    'RUN_FAILED',
    `Claude Code ended without a result: ${why}${stderr ? ` (stderr: ${stderr})` : ''}`,
    { cause: thrown },
  );
}
