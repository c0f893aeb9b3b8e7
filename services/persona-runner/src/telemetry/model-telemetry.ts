import { trace } from '@opentelemetry/api';

/**
 * The AI SDK's `experimental_telemetry` for a model call of a persona's day: on (spans
 * through the global tracer, children of the day's span) only when the day is being
 * traced, so a runner without `OTEL_EXPORTER_OTLP_ENDPOINT` builds no span attributes.
 */
export function modelTelemetry(functionId: string): { isEnabled: boolean; functionId: string } {
  return { isEnabled: trace.getActiveSpan()?.isRecording() === true, functionId };
}
