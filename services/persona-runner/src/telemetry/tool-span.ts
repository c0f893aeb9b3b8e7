import { TRACE_ATTRIBUTES as A, TRACE_NAMES } from '@mana/contracts';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { lightFetch } from '../clients/light-fetch';
import { runnerTracer } from './day-trace';

/** The part of a gateway session {@link withToolSpans} wraps. */
interface ToolSession<R extends CallOutcome> {
  listTools(): Promise<{ name: string; module: string }[]>;
  callTool(name: string, input: unknown): Promise<R>;
}

/**
 * The session with each `callTool` inside its span ({@link traceToolCall}); the module of a
 * tool comes from the session's own listing.
 */
export function withToolSpans<R extends CallOutcome, S extends ToolSession<R>>(session: S): S {
  const moduleOf = new Map<string, string>();
  return {
    ...session,
    async listTools() {
      const tools = await session.listTools();
      for (const tool of tools) moduleOf.set(tool.name, tool.module);
      return tools;
    },
    callTool: (name: string, input: unknown) =>
      traceToolCall(name, moduleOf.get(name), () => session.callTool(name, input)),
  };
}

/** What a traced call answers: enough to say how it ended. */
interface CallOutcome {
  ok: boolean;
  errorKind?: string | undefined;
  errorMessage?: string | undefined;
}

/**
 * Runs one MCP tool call inside its span, `tools/call <tool>` (a client span, child of the
 * active one — the day's): the tool, its module, how it ended (`ok` or the error kind) and
 * its latency; an error status on failure. The span is active while the call runs, so
 * {@link tracePropagatingFetch} sends it to the gateway as the parent of the gateway's span.
 */
export async function traceToolCall<T extends CallOutcome>(
  name: string,
  module: string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  return runnerTracer().startActiveSpan(
    `${TRACE_NAMES.toolCall} ${name}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        [A.mcpMethodName]: 'tools/call',
        [A.genAiToolName]: name,
        ...(module ? { [A.toolModule]: module } : {}),
      },
    },
    async (span) => {
      const started = performance.now();
      try {
        const outcome = await call();
        span.setAttributes({
          [A.toolOutcome]: outcome.ok ? 'ok' : (outcome.errorKind ?? 'app_error'),
          [A.toolLatencyMs]: performance.now() - started,
        });
        if (!outcome.ok) {
          span.setAttribute(A.errorType, outcome.errorKind ?? 'app_error');
          span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.errorMessage ?? '' });
        }
        return outcome;
      } catch (error) {
        // Only an aborted day throws here: the call never got an answer.
        span.setAttributes({
          [A.toolOutcome]: 'aborted',
          [A.toolLatencyMs]: performance.now() - started,
        });
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'aborted' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * `fetch` for the MCP client transport that adds the active span's W3C trace context
 * (`traceparent`) to each request, so the gateway continues the trace. Without an active
 * span (tracing off) it is plain `fetch`.
 */
export const tracePropagatingFetch: FetchLike = (url, init) => {
  const active = context.active();
  if (!trace.getSpanContext(active)) return lightFetch(url, init);
  const headers = new Headers(init?.headers);
  propagation.inject(active, headers, { set: (carrier, key, value) => carrier.set(key, value) });
  return lightFetch(url, { ...init, headers });
};
