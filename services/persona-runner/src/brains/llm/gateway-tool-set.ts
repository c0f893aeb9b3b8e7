import { jsonSchema, type Tool, type ToolSet, tool } from 'ai';
import type { GatewaySession, GatewayTool } from '../../clients/gateway';
import type { DayContext } from '../types';
import { REPORT_CHECK_TOOL, reportCheckTool } from './report-check-tool';
import { modelToolNames } from './tool-names';

interface InFlight {
  toolName: string;
  module: string;
  input: unknown;
  startedAt: number;
}

/** The day's tools for the model, and what to do with calls cut off by an abort. */
export interface DayToolSet {
  tools: ToolSet;
  /** Records every call still waiting for the gateway as a `timeout` error. */
  flushInFlight(reason: string): void;
}

/**
 * The persona's gateway tools as AI SDK tools over one MCP session (the runner's client,
 * so calls are classified exactly as the other brains': output validation, error kinds,
 * per-call deadline), plus `report_check`. Each call is reported through `day.record`
 * the moment its answer arrives, paired by the model's tool-call id, with its latency on
 * `day.stopwatch`; a failed call goes back to the model as a tool error (`isError` for
 * Anthropic, an error text for OpenAI) so it can react. The input goes to the gateway as
 * the model wrote it: the gateway validates and refuses it as `invalid_input`, as it
 * would any client's.
 */
export function dayToolSet(
  day: Pick<DayContext, 'record' | 'judge' | 'stopwatch' | 'logger'>,
  session: GatewaySession,
  listed: readonly GatewayTool[],
): DayToolSet {
  const names = modelToolNames(
    listed.map((t) => t.name),
    [REPORT_CHECK_TOOL],
  );
  const byApp = new Map(listed.map((t) => [t.name, t]));
  const inFlight = new Map<string, InFlight>();
  const recorded = new Map<string, { index: number; ok: boolean }>();
  const tools: Record<string, Tool> = {};
  for (const [modelName, appName] of names) {
    const spec = byApp.get(appName) as GatewayTool;
    tools[modelName] = tool({
      description: spec.description,
      inputSchema: jsonSchema(spec.inputSchema),
      execute: async (input: unknown, { toolCallId }) => {
        const startedAt = day.stopwatch();
        inFlight.set(toolCallId, { toolName: appName, module: spec.module, input, startedAt });
        const answer = await session.callTool(appName, input);
        // Flushed meanwhile: the day was aborted and the call already recorded.
        if (!inFlight.delete(toolCallId))
          throw new Error('the day ended before this call returned');
        const ok = answer.ok;
        const index = day.record({
          toolName: appName,
          module: spec.module,
          toolUseId: toolCallId,
          input,
          latencyMs: Math.max(0, day.stopwatch() - startedAt),
          result: ok ? 'ok' : 'error',
          ...(ok && answer.output !== undefined ? { output: answer.output } : {}),
          ...(ok ? {} : { errorMessage: answer.errorMessage, errorKind: answer.errorKind }),
        });
        if (index >= 0) recorded.set(toolCallId, { index, ok });
        if (!ok) throw new Error(answer.errorMessage ?? 'the tool reported an error');
        return answer.output ?? { ok: true };
      },
    });
  }
  tools[REPORT_CHECK_TOOL] = reportCheckTool(recorded, day.judge, day.logger) as Tool;
  return {
    tools,
    flushInFlight(reason) {
      for (const [toolUseId, { startedAt, ...call }] of inFlight) {
        inFlight.delete(toolUseId);
        day.record({
          ...call,
          toolUseId,
          latencyMs: Math.max(0, day.stopwatch() - startedAt),
          result: 'error',
          errorMessage: reason,
          errorKind: 'timeout',
        });
      }
    },
  };
}
