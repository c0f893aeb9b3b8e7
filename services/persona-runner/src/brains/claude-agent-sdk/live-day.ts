import type { DayContext, Usage } from '../types';
import type { ResolvedBrainOptions } from './brain-options';
import { textOf } from './content-blocks';
import { dayPrompt } from './day-prompt';
import { ClaudeAgentSdkBrainError } from './errors';
import { ensureGatewayConnected } from './gateway-status';
import { personaTools } from './gateway-tools';
import { PERSONA_SERVER, REPORT_CHECK_SDK_NAME, reportCheckServer } from './report-check';
import { runAgent } from './run-agent';
import { toolCallTracker } from './tool-call-tracker';
import { GATEWAY_SERVER, sdkToolName, toolNameResolver } from './tool-names';
import { usageFromResult } from './usage';

/**
 * The main turn: the persona lives its day through the gateway's tools of its modules
 * (and nothing else but `report_check`, its own note of how a check of its work went,
 * which becomes `day.judge`), for at most `maxTurns` model turns. Every tool call is
 * reported through `day.record` as soon as its result arrives; a call left without a
 * result is reported as an error. Reaching the turn limit is a normal end of the day.
 *
 * Throws a {@link ClaudeAgentSdkBrainError} (`GATEWAY_UNAVAILABLE`, `API_ERROR`, `ABORTED`,
 * `RUN_FAILED`) after recording every call made before the failure.
 */
export async function liveDay(
  day: DayContext,
  brain: ResolvedBrainOptions,
): Promise<{ usage: Usage }> {
  const tools = await personaTools(day);
  const tracker = toolCallTracker({
    resolve: toolNameResolver(tools, day.modules),
    record: day.record,
    ownTool: (name) => name === REPORT_CHECK_SDK_NAME,
    logger: day.logger,
  });
  // The runner stops taking records as soon as the day is aborted, so calls cut off by the
  // abort are reported right in the abort event rather than after the CLI has exited.
  const onAbort = () => tracker.flushUnanswered(`No result: ${ABORTED_REASON}`);
  day.signal.addEventListener('abort', onAbort, { once: true });
  const prompt = dayPrompt(day);
  day.transcript.turn('system', day.persona.systemPrompt);
  day.transcript.turn('user', prompt);
  try {
    const run = await runAgent({
      prompt,
      brain,
      signal: day.signal,
      logger: day.logger,
      options: {
        systemPrompt: day.persona.systemPrompt,
        mcpServers: {
          [GATEWAY_SERVER]: { type: 'http', url: day.gateway.url, headers: day.gateway.headers },
          [PERSONA_SERVER]: reportCheckServer({
            calls: tracker,
            judge: day.judge,
            logger: day.logger,
          }),
        },
        allowedTools: [...tools.map((tool) => sdkToolName(tool.toolName)), REPORT_CHECK_SDK_NAME],
        maxTurns: brain.maxTurns,
      },
      onMessage: async (message, query) => {
        if (message.type === 'system' && message.subtype === 'init') {
          await ensureGatewayConnected(message, query);
        }
        if (message.type === 'assistant' && !message.error) {
          day.transcript.turn('assistant', textOf(message.message.content));
        }
        tracker.observe(message);
      },
    });
    tracker.flushUnanswered(
      run.result.is_error
        ? `No result: the day reached its turn limit (${brain.maxTurns}) before this call returned`
        : 'No result: the day ended before this call returned',
    );
    return { usage: usageFromResult(run.result) };
  } catch (error) {
    tracker.flushUnanswered(`No result: ${unansweredReason(error)}`);
    throw error;
  } finally {
    day.signal.removeEventListener('abort', onAbort);
  }
}

const ABORTED_REASON = 'the day was aborted before this call returned';

function unansweredReason(error: unknown): string {
  if (!(error instanceof ClaudeAgentSdkBrainError))
    return 'the day failed before this call returned';
  switch (error.code) {
    case 'ABORTED':
      return ABORTED_REASON;
    case 'API_ERROR':
      return 'the model API failed before this call returned';
    default:
      return `the day failed before this call returned (${error.message})`;
  }
}
