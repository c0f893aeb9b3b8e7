// Each persona-day is a trace: the runner's spans and the gateway's, exported over OTLP
// to an in-process receiver, with the llm brain against the fake OpenAI server.
import type { DuePersona } from '@mana/contracts';
import { type FakeOpenAI, type FakeRequest, startFakeOpenAI } from '@mana/fake-openai';
import { silentLogger, type Tracing } from '@mana/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmBrain } from '../brains/llm';
import { IdentityClient } from '../clients/identity';
import { InternalApiClient } from '../clients/internal-api';
import { createRunnerMetrics } from '../metrics';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../testing/otlp-receiver';
import {
  STACK_SEED_SECRET,
  STACK_SERVICE_KEY,
  startTestStack,
  type TestStack,
} from '../testing/stack-harness';
import type { DayDeps } from '../tick/day-deps';
import { type LivedDay, liveDay } from '../tick/live-day';
import { Outbox } from '../tick/outbox';
import { startDayTrace } from './day-trace';
import { startRunnerTracing } from './start-runner-tracing';

const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

/**
 * A persona with todo: writes, then reads and makes one invalid write, then reports its
 * check on the first write, then ends; asked to rate (no tools), it rates its modules.
 */
function todoDay(request: FakeRequest) {
  if (!request.hasTools) {
    return { text: '{"ratings":[{"module":"todo","rating":4,"notes":"fine"}]}' };
  }
  const messages = (request.body.messages ?? []) as { role?: string }[];
  const turn = messages.filter((m) => m.role === 'assistant').length;
  if (turn === 0) {
    return {
      toolCalls: [{ id: 'call_write', name: 'todo_create', arguments: { title: 'Milch' } }],
    };
  }
  if (turn === 1) {
    return {
      toolCalls: [
        { id: 'call_read', name: 'todo_list', arguments: {} },
        { id: 'call_bad', name: 'todo_create', arguments: {} },
      ],
    };
  }
  if (turn === 2) {
    const check = { call: 'call_write', verdict: 'passed', by: 'call_read' };
    return { toolCalls: [{ id: 'call_check', name: 'report_check', arguments: check }] };
  }
  return { text: 'Done.' };
}

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('makes no recording span and sends no traceparent', () => {
    const day = startDayTrace({ email: 'x@mana.test', userId: 'u' }, 'tick', {
      name: 'scripted',
      model: 'scripted-v1',
    });
    expect(day.headers()).toEqual({});
    day.end({ status: 'ok', spaceId: null, calls: [], usage: NO_USAGE });
  });
});

const NO_USAGE = { inputTokens: 0, outputTokens: 0, costUsd: 0 };

describe('each persona-day is a trace, exported over OTLP', () => {
  let receiver: OtlpReceiver;
  let tracing: Tracing;
  let stack: TestStack;
  let openai: FakeOpenAI;
  let days: LivedDay[];

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = await startRunnerTracing(receiver.url);
    [stack, openai] = await Promise.all([startTestStack(), startFakeOpenAI({ handler: todoDay })]);
    const api = new InternalApiClient({ authUrl: stack.auth.url, serviceKey: STACK_SERVICE_KEY });
    const deps: DayDeps = {
      api,
      identity: new IdentityClient({ authUrl: stack.auth.url, seedSecret: STACK_SEED_SECRET }),
      brain: createLlmBrain({
        model: { provider: 'openai-compatible', modelId: 'fake-model' },
        baseUrl: openai.url,
      }),
      outbox: new Outbox(api),
      mcpUrl: stack.mcp.url,
      runnerId: 'otel-test',
      clock: () => new Date('2026-11-25T09:00:00Z'),
      timeoutMs: 20_000,
      logger: silentLogger(),
      metrics: createRunnerMetrics(),
      shutdown: new AbortController().signal,
      leaseSeconds: 120,
      stopwatch: () => performance.now(),
    };
    const persona = async (name: string): Promise<DuePersona> => {
      const due = stack.persona(name);
      due.userId = (await stack.login(due.email)).user.id;
      return due;
    };
    const [anna, ben] = await Promise.all([persona('anna'), persona('ben')]);
    // Side by side, as a tick's pool runs them: their spans must not mix.
    days = await Promise.all([
      liveDay(anna, 'otel-tick-anna', deps),
      liveDay(ben, 'otel-tick-ben', deps),
    ]);
    await tracing.forceFlush();
  }, 30_000);

  afterAll(async () => {
    await tracing?.shutdown();
    await Promise.all([openai?.close(), stack?.close(), receiver?.close()]);
  });

  const rootOf = (email: string) => {
    const root = receiver.spans.find(
      (s) => s.name === 'persona.day' && s.attributes['mana.persona.email'] === email,
    );
    if (!root) throw new Error(`no root span of ${email}`);
    return root;
  };
  const byId = () => new Map(receiver.spans.map((s) => [s.spanId, s]));
  const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
    const spans = byId();
    const chain: ReceivedSpan[] = [];
    for (let p = spans.get(span.parentSpanId); p; p = spans.get(p.parentSpanId)) chain.push(p);
    return chain;
  };
  const childrenOf = (span: ReceivedSpan) =>
    receiver.spans.filter((s) => s.parentSpanId === span.spanId);

  it('lived both days', () => {
    expect(days.map((d) => d.status)).toEqual(['ok', 'ok']);
    expect(receiver.refused).toEqual([]);
  });

  it('makes one root per persona-day, a trace of its own, with the day on it', () => {
    // The other roots are the in-process identity service's own (Better Auth's) spans.
    const roots = receiver.spans.filter((s) => s.parentSpanId === '' && s.name === 'persona.day');
    expect(roots.map((s) => s.attributes['mana.persona.email']).sort()).toEqual([
      'persona.anna@mana.test',
      'persona.ben@mana.test',
    ]);
    expect(new Set(roots.map((s) => s.traceId)).size).toBe(2);
    expect(receiver.spans.filter((s) => s.name === 'persona.day')).toHaveLength(2);
    const ben = rootOf('persona.ben@mana.test');
    expect(ben.service).toBe('mana-persona-runner');
    expect(ben.attributes).toMatchObject({
      'mana.tick.id': 'otel-tick-ben',
      'mana.brain': 'llm',
      'mana.model': 'openai-compatible:fake-model',
      'mana.day.status': 'ok',
      'mana.day.calls': 3,
    });
    // Every span of the trace hangs under the day.
    for (const span of receiver.spans.filter((s) => s.traceId === ben.traceId && s !== ben)) {
      expect(ancestors(span).at(-1)?.spanId).toBe(ben.spanId);
    }
  });

  it('has a client span per tool call, and under it the gateway span of the same call', () => {
    for (const email of ['persona.anna@mana.test', 'persona.ben@mana.test']) {
      const root = rootOf(email);
      const tools = receiver.spans.filter(
        (s) => s.traceId === root.traceId && s.kind === CLIENT && s.name.startsWith('tools/call'),
      );
      expect(tools.map((s) => s.name).sort()).toEqual([
        'tools/call todo.create',
        'tools/call todo.create',
        'tools/call todo.list',
      ]);
      for (const tool of tools) {
        expect(ancestors(tool)).toContain(root);
        const gateway = childrenOf(tool);
        expect(gateway).toHaveLength(1);
        expect(gateway[0]).toMatchObject({
          traceId: root.traceId,
          kind: SERVER,
          name: tool.name,
          attributes: {
            'mcp.method.name': 'tools/call',
            'mana.tool.module': 'todo',
            'mana.tool.outcome': tool.attributes['mana.tool.outcome'],
          },
        });
        expect(tool.attributes).toMatchObject({ 'mana.tool.module': 'todo' });
        expect(tool.attributes['mana.tool.latency_ms']).toBeGreaterThan(0);
      }
      const failed = tools.filter((s) => s.statusCode === ERROR);
      expect(failed).toHaveLength(1);
      expect(failed[0]?.attributes).toMatchObject({
        'mana.tool.outcome': 'invalid_input',
        'error.type': 'invalid_input',
      });
      expect(childrenOf(failed[0] as ReceivedSpan)[0]?.statusCode).toBe(ERROR);
    }
  });

  it('gives model calls the GenAI attributes', () => {
    const ben = rootOf('persona.ben@mana.test');
    const models = receiver.spans.filter(
      (s) => s.traceId === ben.traceId && s.attributes['gen_ai.operation.name'] === 'chat',
    );
    // Four turns of the day and the rating turn.
    expect(models).toHaveLength(5);
    for (const span of models) {
      expect(span.attributes).toMatchObject({
        'gen_ai.request.model': 'fake-model',
        'gen_ai.system': expect.any(String),
      });
      expect(span.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
      expect(span.attributes['gen_ai.usage.output_tokens']).toBeGreaterThan(0);
    }
  });

  it('puts each verdict on the day as a check event', () => {
    const ben = rootOf('persona.ben@mana.test');
    // The read and the bad write run side by side: the read's index is its place in
    // the order the two answered, which the day records.
    const read = days[1]?.calls.findIndex((c) => c.toolName === 'todo.list');
    expect(read === 1 || read === 2).toBe(true);
    expect(ben.events).toEqual([
      {
        name: 'mana.check',
        attributes: {
          'mana.check.call': 0,
          'mana.check.tool': 'todo.create',
          'mana.check.status': 'passed',
          'mana.check.by': read,
        },
      },
    ]);
  });
});
