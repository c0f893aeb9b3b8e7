// Each request to an HTTP target carries the persona-day's trace context (`traceparent`),
// so the app's spans join the day's trace, as the built-in gateway's do.
import type { Tracing } from '@mana/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDayTrace } from '../telemetry/day-trace';
import { startRunnerTracing } from '../telemetry/start-runner-tracing';
import { startTestHttpMcpServer, type TestHttpMcpServer } from '../testing/http-mcp-server';
import { type OtlpReceiver, startOtlpReceiver } from '../testing/otlp-receiver';
import { createRunnerTarget } from './runner-target';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

describe('an HTTP target under tracing', () => {
  let receiver: OtlpReceiver;
  let tracing: Tracing;
  let server: TestHttpMcpServer;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = await startRunnerTracing(receiver.url);
    server = await startTestHttpMcpServer();
  });
  afterAll(async () => {
    await tracing?.shutdown();
    await Promise.all([server?.close(), receiver?.close()]);
  });

  it("sends the day's traceparent; a tool call's parent is its tools/call span", async () => {
    const target = createRunnerTarget({
      name: 'notes-http',
      server: { kind: 'http', url: server.url },
      moduleOf: (tool) => tool.split('.')[0],
    });
    const persona = { email: 'tara.http@personas.mana.test', userId: 'u-tara' };
    const day = startDayTrace(persona, 'tick-trace', { name: 'scripted', model: 'scripted-v1' });
    const dayTraceId = TRACEPARENT.exec(day.headers().traceparent ?? '')?.[1];
    expect(dayTraceId).toBeDefined();
    await day.run(async () => {
      const access = target.gateway({ persona, token: '' });
      if (!access.connect) throw new Error('a target connects on its own');
      const session = await access.connect();
      await session.listTools();
      expect(await session.callTool('notes.add', { text: 'traced' })).toMatchObject({ ok: true });
      await session.close();
    });
    day.end({ status: 'ok', spaceId: null, calls: [], usage: NO_USAGE });
    await tracing.forceFlush();

    const posts = server.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.rpc)).toEqual(
      expect.arrayContaining(['initialize', 'tools/list', 'tools/call']),
    );
    for (const request of posts) {
      const traceparent = String(request.headers.traceparent ?? '');
      expect(traceparent, `${request.rpc}`).toMatch(TRACEPARENT);
      expect(TRACEPARENT.exec(traceparent)?.[1]).toBe(dayTraceId);
    }
    const call = posts.find((r) => r.rpc === 'tools/call');
    const parent = TRACEPARENT.exec(String(call?.headers.traceparent))?.[2];
    const span = receiver.spans.find((s) => s.spanId === parent);
    expect(span?.name).toBe('tools/call notes.add');
    expect(span?.traceId).toBe(dayTraceId);
  });
});

const NO_USAGE = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
