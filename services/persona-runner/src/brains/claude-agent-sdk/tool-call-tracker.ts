import type { SDKMessage } from '@anthropic-ai/claude-agent-sdk';
import type { Logger } from 'pino';
import { errorKindOfResult } from '../../clients/error-kind';
import type { ToolCall } from '../types';
import {
  resultMetaOf,
  structuredOutputOf,
  type ToolResultBlock,
  toolResultsOf,
  toolUseMetaOf,
  toolUsesOf,
} from './content-blocks';
import type { AppTool, ToolNameResolver } from './tool-names';

/** Pairs the model's tool calls with their results and reports each as a {@link ToolCall}. */
export interface ToolCallTracker {
  /** Feed every message of the query, in order. */
  observe(message: SDKMessage): void;
  /**
   * Records every call still waiting for its result as an error saying `reason`, e.g.
   * when the turn limit or an abort ended the day between a tool_use and its result.
   * No answer came in time, so their kind is `timeout`.
   */
  flushUnanswered(reason: string): void;
  /**
   * The day's index of the gateway call with this tool_use id and how it ended, once it
   * is recorded; waits up to `waitMs` for a call whose result is still on its way (the
   * model may report on a call before the SDK hands its result over). Undefined for an id
   * the model never used for a gateway call.
   */
  recorded(
    toolUseId: string,
    waitMs?: number,
  ): Promise<{ index: number; result: ToolCall['result'] } | undefined>;
}

interface Pending extends AppTool {
  toolUseId: string;
  input: unknown;
  startedAt: number;
}

/** What a tracker needs. */
export interface ToolCallTrackerDeps {
  resolve: ToolNameResolver;
  /** `day.record`: called the moment each result is known; answers the call's index. */
  record: (call: ToolCall) => number;
  /** Tools of the brain's own (not the app's): neither recorded nor warned about. */
  ownTool?: (sdkName: string) => boolean;
  logger: Logger;
  /** Milliseconds on a monotonic clock; `performance.now` by default. */
  now?: () => number;
}

/**
 * A tracker for one query. A tool_use arrives in an assistant message and its result in
 * a later user message, paired by `tool_use_id` whatever the order; the latency is the
 * time between those two messages. Calls to anything but the gateway (the model inventing
 * a built-in tool) are not app calls and are only logged.
 */
export function toolCallTracker(deps: ToolCallTrackerDeps): ToolCallTracker {
  const now = deps.now ?? (() => performance.now());
  const pending = new Map<string, Pending>();
  const seen = new Set<string>();
  const recorded = new Map<string, { index: number; result: ToolCall['result'] }>();
  const waiting = new Map<string, (() => void)[]>();

  const finish = (call: Pending, result: Omit<ToolCall, keyof Pending | 'latencyMs'>) => {
    pending.delete(call.toolUseId);
    const index = deps.record({
      toolName: call.toolName,
      module: call.module,
      toolUseId: call.toolUseId,
      input: call.input,
      latencyMs: Math.max(0, now() - call.startedAt),
      ...result,
    });
    if (index >= 0) recorded.set(call.toolUseId, { index, result: result.result });
    for (const wake of waiting.get(call.toolUseId) ?? []) wake();
    waiting.delete(call.toolUseId);
  };

  const onResult = (block: ToolResultBlock, output: unknown, meta: unknown) => {
    const call = pending.get(block.toolUseId);
    if (!call) return;
    if (block.isError) {
      const errorMessage = errorText(block.text);
      finish(call, {
        result: 'error',
        errorMessage,
        errorKind: errorKindOfResult(meta, errorMessage),
      });
    } else {
      finish(call, {
        result: 'ok',
        ...(output !== undefined ? { output } : {}),
        ...(block.text ? { outputText: block.text } : {}),
      });
    }
  };

  return {
    observe(message) {
      if (message.type === 'assistant') {
        const meta = new Map(toolUseMetaOf(message).map((m) => [m.id, m.toolName]));
        for (const use of toolUsesOf(message.message.content)) {
          if (seen.has(use.id)) continue;
          seen.add(use.id);
          if (deps.ownTool?.(use.name)) continue;
          const tool = deps.resolve(use.name, meta.get(use.id));
          if (!tool) {
            deps.logger.warn({ tool: use.name }, 'the model called a tool outside the gateway');
            continue;
          }
          pending.set(use.id, { ...tool, toolUseId: use.id, input: use.input, startedAt: now() });
        }
      } else if (message.type === 'user') {
        const results = toolResultsOf(message.message.content);
        // The structured output sits next to the content, so it is only unambiguous
        // when the message answers a single call.
        const single = results.length === 1;
        const output = single ? structuredOutputOf(message) : undefined;
        const meta = single ? resultMetaOf(message) : undefined;
        for (const block of results) onResult(block, output, meta);
      }
    },
    flushUnanswered(reason) {
      for (const call of [...pending.values()]) {
        finish(call, { result: 'error', errorMessage: reason, errorKind: 'timeout' });
      }
    },
    async recorded(toolUseId, waitMs = 2_000) {
      const known = recorded.get(toolUseId);
      if (known) return known;
      if (waitMs > 0) {
        await new Promise<void>((resolve) => {
          const wakers = waiting.get(toolUseId) ?? [];
          const wake = () => {
            clearTimeout(timer);
            resolve();
          };
          // Given up on: forget the waker, so ids the model made up leave nothing behind.
          const timer = setTimeout(() => {
            const left = (waiting.get(toolUseId) ?? []).filter((w) => w !== wake);
            if (left.length > 0) waiting.set(toolUseId, left);
            else waiting.delete(toolUseId);
            resolve();
          }, waitMs);
          wakers.push(wake);
          waiting.set(toolUseId, wakers);
        });
      }
      return recorded.get(toolUseId);
    },
  };
}

/** The tool's error text without the CLI's `<tool_use_error>` wrapper. */
function errorText(text: string): string {
  const cleaned = text.replace(/<\/?tool_use_error>/g, '').trim();
  return cleaned || 'the tool reported an error';
}
