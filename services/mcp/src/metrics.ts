import { Counter, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus metrics, on a registry of its own (served at `/metrics`). */
export function createGatewayMetrics() {
  const registry = new Registry();
  const toolCalls = new Counter({
    name: 'mcp_tool_calls_total',
    help: 'Tool calls by tool and result (ok, tool_error, invalid_input, internal)',
    labelNames: ['tool', 'result'] as const,
    registers: [registry],
  });
  const toolDuration = new Histogram({
    name: 'mcp_tool_call_duration_seconds',
    help: 'Tool call duration in seconds, by tool and result',
    labelNames: ['tool', 'result'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'mcp_requests_rejected_total',
    help: 'Requests refused before reaching a tool, by reason',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  return {
    registry,
    /** Records one finished tool call. */
    toolCall(tool: string, result: string, seconds: number) {
      toolCalls.inc({ tool, result });
      toolDuration.observe({ tool, result }, seconds);
    },
    /** Records a request refused for `reason` (unauthenticated, forbidden_space…). */
    rejected(reason: string) {
      rejected.inc({ reason });
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
