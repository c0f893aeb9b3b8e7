/**
 * The span and event attributes the runner and the gateway write to their traces, written
 * once so both sides (and the tests that read the spans) agree. `gen_ai.*`, `mcp.*` and
 * `error.type` are OpenTelemetry semantic conventions (the GenAI and MCP ones are still
 * incubating, so they are copied here rather than imported, as OpenTelemetry advises);
 * `mana.*` are this project's own.
 */
export const TRACE_ATTRIBUTES = {
  genAiOperationName: 'gen_ai.operation.name',
  genAiSystem: 'gen_ai.system',
  genAiRequestModel: 'gen_ai.request.model',
  genAiResponseModel: 'gen_ai.response.model',
  genAiInputTokens: 'gen_ai.usage.input_tokens',
  genAiOutputTokens: 'gen_ai.usage.output_tokens',
  genAiToolName: 'gen_ai.tool.name',
  mcpMethodName: 'mcp.method.name',
  errorType: 'error.type',
  personaId: 'mana.persona.id',
  personaEmail: 'mana.persona.email',
  tickId: 'mana.tick.id',
  brain: 'mana.brain',
  model: 'mana.model',
  spaceId: 'mana.space.id',
  dayStatus: 'mana.day.status',
  dayCalls: 'mana.day.calls',
  dayInputTokens: 'mana.usage.input_tokens',
  dayOutputTokens: 'mana.usage.output_tokens',
  toolModule: 'mana.tool.module',
  toolOutcome: 'mana.tool.outcome',
  toolLatencyMs: 'mana.tool.latency_ms',
  checkCall: 'mana.check.call',
  checkTool: 'mana.check.tool',
  checkStatus: 'mana.check.status',
  checkBy: 'mana.check.by',
  checkExpected: 'mana.check.expected',
  checkSeen: 'mana.check.seen',
} as const;

/** Span and event names, as {@link TRACE_ATTRIBUTES}. */
export const TRACE_NAMES = {
  /** The root span of a persona's day. */
  day: 'persona.day',
  /** The event a verdict on a call adds to its day's span. */
  check: 'mana.check',
  /** The runner's MCP client span of a call, `tools/call <tool>` (MCP semantic conventions). */
  toolCall: 'tools/call',
} as const;
