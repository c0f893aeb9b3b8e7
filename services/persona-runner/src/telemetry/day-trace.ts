import { TRACE_ATTRIBUTES as A, type DuePersona, TRACE_NAMES } from '@mana/contracts';
import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Brain, ToolCall, Usage } from '../brains/types';

/** The tracer of every span the runner makes (a no-op until tracing is started). */
export const runnerTracer = () => trace.getTracer('mana-persona-runner');

/** How a day ended, as the day's span records it. */
export interface DayOutcome {
  status: string;
  error?: string | undefined;
  spaceId: string | null;
  calls: readonly unknown[];
  usage: Usage;
}

/** One persona-day's trace: its root span, and the context the day runs in. */
export interface DayTrace {
  /** Runs `fn` with the day's span active: spans made inside (tools, model calls) are its children. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * `traceparent` (and `tracestate`) of the day's span, for a connection to the gateway that
   * the runner's own client does not make (the Agent SDK's CLI); empty when not tracing.
   */
  headers(): Record<string, string>;
  /** Adds the persona's verdict on the `index`th call as an event on the day's span. */
  check(call: ToolCall | undefined, index: number): void;
  /** Sets how the day ended and ends the span. */
  end(outcome: DayOutcome): void;
}

/**
 * Starts the root span of a persona's day (a new trace, whatever the tick's context): the
 * persona, tick id, brain and model on it from the start; status, space, calls and usage
 * when it ends. Without a registered tracer provider everything here is a no-op.
 *
 * @example
 * const dayTrace = startDayTrace(persona, tickId, deps.brain);
 * try { await dayTrace.run(() => live()); } finally { dayTrace.end(day); }
 */
export function startDayTrace(
  persona: Pick<DuePersona, 'email' | 'userId'>,
  tickId: string,
  brain: Pick<Brain, 'name' | 'model'>,
): DayTrace {
  const span = runnerTracer().startSpan(TRACE_NAMES.day, {
    root: true,
    attributes: {
      [A.personaEmail]: persona.email,
      [A.personaId]: persona.userId,
      [A.tickId]: tickId,
      [A.brain]: brain.name,
      [A.model]: brain.model,
    },
  });
  const active = trace.setSpan(context.active(), span);
  return {
    run: (fn) => context.with(active, fn),
    headers() {
      const carrier: Record<string, string> = {};
      if (span.isRecording()) propagation.inject(active, carrier);
      return carrier;
    },
    check(call, index) {
      if (!call?.check || !span.isRecording()) return;
      const { status, by, expected, seen } = call.check;
      span.addEvent(TRACE_NAMES.check, {
        [A.checkCall]: index,
        [A.checkTool]: call.toolName,
        [A.checkStatus]: status,
        ...(by !== undefined ? { [A.checkBy]: by } : {}),
        ...(expected !== undefined ? { [A.checkExpected]: expected } : {}),
        ...(seen !== undefined ? { [A.checkSeen]: seen } : {}),
      });
    },
    end(outcome) {
      span.setAttributes({
        [A.dayStatus]: outcome.status,
        [A.dayCalls]: outcome.calls.length,
        [A.dayInputTokens]: outcome.usage.inputTokens,
        [A.dayOutputTokens]: outcome.usage.outputTokens,
        ...(outcome.spaceId ? { [A.spaceId]: outcome.spaceId } : {}),
      });
      if (outcome.status !== 'ok') {
        span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error ?? outcome.status });
      }
      span.end();
    },
  };
}
