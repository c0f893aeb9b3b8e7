import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What {@link startTracing} needs. */
export interface TracingOptions {
  /** `service.name` of every span this process exports (`mana-persona-runner`, `mana-mcp`). */
  serviceName: string;
  /**
   * The OTLP/HTTP base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. `http://localhost:4318`);
   * spans go to `<endpoint>/v1/traces` as OTLP JSON. Headers (`OTEL_EXPORTER_OTLP_HEADERS`,
   * e.g. an `Authorization` for Langfuse) are read by the exporter itself.
   */
  endpoint: string;
  /** Processors that run before the exporting one, e.g. to add attributes on start. */
  processors?: SpanProcessor[];
}

/** A running tracer provider, registered as the process's global one. */
export interface Tracing {
  /** Exports every span ended so far; resolves when the receiver has answered. */
  forceFlush(): Promise<void>;
  /** Flushes, stops exporting and unregisters the global provider, context and propagator. */
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing for this process: a Node tracer provider (async-local-storage
 * context, W3C `traceparent` propagation) whose spans a batch processor exports over
 * OTLP/HTTP JSON to `endpoint`. Registered globally, so `@opentelemetry/api`'s `trace`,
 * `context` and `propagation` (and libraries that use them, like the AI SDK) reach it.
 *
 * The SDK is imported here, dynamically: a process that never calls this (no
 * `OTEL_EXPORTER_OTLP_ENDPOINT`) loads none of it and the API stays a no-op.
 *
 * @example
 * const tracing = env.otlpEndpoint
 *   ? await startTracing({ serviceName: 'mana-mcp', endpoint: env.otlpEndpoint })
 *   : undefined;
 * // on shutdown: await tracing?.shutdown();
 */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  const [api, node, base, otlp, resources, semconv] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const exporter = new otlp.OTLPTraceExporter({
    url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces`,
  });
  const provider = new node.NodeTracerProvider({
    resource: resources.resourceFromAttributes({
      [semconv.ATTR_SERVICE_NAME]: options.serviceName,
    }),
    spanProcessors: [...(options.processors ?? []), new base.BatchSpanProcessor(exporter)],
  });
  provider.register();
  return {
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      api.trace.disable();
      api.context.disable();
      api.propagation.disable();
    },
  };
}
