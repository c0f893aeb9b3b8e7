import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const anyValueSchema = z
  .object({
    stringValue: z.string().optional(),
    intValue: z.union([z.number(), z.string()]).optional(),
    doubleValue: z.number().optional(),
    boolValue: z.boolean().optional(),
  })
  .loose();
const attributesSchema = z.array(z.object({ key: z.string(), value: anyValueSchema })).default([]);
const spanSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string(),
  kind: z.number(),
  startTimeUnixNano: z.union([z.string(), z.number()]),
  endTimeUnixNano: z.union([z.string(), z.number()]),
  attributes: attributesSchema,
  events: z.array(z.object({ name: z.string(), attributes: attributesSchema })).default([]),
  status: z.object({ code: z.number().optional(), message: z.string().optional() }).optional(),
});
/** The part of an OTLP/HTTP JSON `ExportTraceServiceRequest` the tests read. */
const exportSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes: attributesSchema }).optional(),
      scopeSpans: z.array(z.object({ spans: z.array(spanSchema).default([]) })).default([]),
    }),
  ),
});

type Attributes = Record<string, string | number | boolean>;

/** A received span, its attributes flattened; `service` is its resource's `service.name`. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP span kind: 1 internal, 2 server, 3 client. */
  kind: number;
  /** Start and end, in milliseconds since the epoch. */
  startMs: number;
  endMs: number;
  attributes: Attributes;
  events: { name: string; attributes: Attributes }[];
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  service: string;
}

/** An in-process OTLP/HTTP JSON receiver on a free loopback port (see {@link startOtlpReceiver}). */
export interface OtlpReceiver {
  /** The base URL to give as `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url: string;
  /** Every span received so far. */
  spans: ReceivedSpan[];
  /** Bodies that were not OTLP JSON traces (each answered 400). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A tiny OTLP/HTTP receiver for tests: accepts `POST /v1/traces` with a JSON body, as the
 * `@opentelemetry/exporter-trace-otlp-http` exporter sends it, and keeps the spans.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const parsed =
        request.method === 'POST' && request.url === '/v1/traces'
          ? exportSchema.safeParse(safeJson(text))
          : undefined;
      if (!parsed?.success) {
        refused.push(`${request.method} ${request.url} ${text.slice(0, 200)}`);
        response.writeHead(400).end();
        return;
      }
      for (const resourceSpans of parsed.data.resourceSpans) {
        const resource = flatten(resourceSpans.resource?.attributes ?? []);
        for (const scope of resourceSpans.scopeSpans) {
          for (const span of scope.spans) {
            spans.push({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: span.kind,
              startMs: millis(span.startTimeUnixNano),
              endMs: millis(span.endTimeUnixNano),
              attributes: flatten(span.attributes),
              events: span.events.map((e) => ({ name: e.name, attributes: flatten(e.attributes) })),
              statusCode: span.status?.code ?? 0,
              service: String(resource['service.name'] ?? ''),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    refused,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function millis(unixNano: string | number): number {
  return Number(BigInt(unixNano) / 1_000_000n);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function flatten(attributes: z.output<typeof attributesSchema>): Attributes {
  const out: Attributes = {};
  for (const { key, value } of attributes) {
    const v = value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue;
    if (v !== undefined)
      out[key] = typeof v === 'string' && value.intValue !== undefined ? Number(v) : v;
  }
  return out;
}
