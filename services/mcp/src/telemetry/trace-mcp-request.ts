import { TRACE_ATTRIBUTES as A } from '@mana/contracts';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

const tracer = () => trace.getTracer('mana-mcp');

/** Reads W3C trace context from a request's headers. */
const headerGetter = {
  keys: (carrier: Headers) => [...carrier.keys()],
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
};

/**
 * Runs the handling of one MCP request inside a server span that continues the caller's
 * trace: its parent is the `traceparent` the request carries (the runner's tool-call span),
 * else it starts a trace of its own. Named as the MCP semantic conventions say:
 * `tools/call <tool>`, or the method (`initialize`, `tools/list`). {@link recordToolOutcome}
 * adds how a tool call ended. A no-op when tracing is off.
 */
export function traceMcpRequest(
  headers: Headers,
  body: unknown,
  caller: { userId: string; spaceId: string },
  handle: () => Promise<Response>,
): Promise<Response> {
  const { method, tool } = rpcTarget(body);
  const parent = propagation.extract(ROOT_CONTEXT, headers, headerGetter);
  return tracer().startActiveSpan(
    tool ? `${method} ${tool}` : method,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [A.mcpMethodName]: method,
        [A.personaId]: caller.userId,
        [A.spaceId]: caller.spaceId,
        ...(tool ? { [A.genAiToolName]: tool } : {}),
      },
    },
    parent,
    async (span) => {
      try {
        return await handle();
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/**
 * Adds how a tool call ended to the active request span: module, outcome (`ok`,
 * `invalid_input`, `app_error`), latency, and an error status when it failed.
 */
export function recordToolOutcome(
  module: string,
  outcome: string,
  latencyMs: number,
  message?: string,
): void {
  const span = trace.getSpan(context.active());
  if (!span?.isRecording()) return;
  span.setAttributes({
    [A.toolModule]: module,
    [A.toolOutcome]: outcome,
    [A.toolLatencyMs]: latencyMs,
  });
  if (outcome !== 'ok') {
    span.setAttribute(A.errorType, outcome);
    span.setStatus({ code: SpanStatusCode.ERROR, ...(message ? { message } : {}) });
  }
}

/** The JSON-RPC method of a request body, and the tool when it is a `tools/call`. */
function rpcTarget(body: unknown): { method: string; tool?: string } {
  if (!body || typeof body !== 'object') return { method: 'mcp' };
  const { method, params } = body as { method?: unknown; params?: { name?: unknown } };
  const name = typeof method === 'string' ? method : 'mcp';
  const tool = name === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined;
  return tool ? { method: name, tool } : { method: name };
}
