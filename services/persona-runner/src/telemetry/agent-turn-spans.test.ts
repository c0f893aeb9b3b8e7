// The Agent SDK brain's model turns as GenAI spans, made from the query's messages.
import type { SDKMessage } from '@anthropic-ai/claude-agent-sdk';
import type { Tracing } from '@mana/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../testing/otlp-receiver';
import { agentTurnSpans } from './agent-turn-spans';
import { startDayTrace } from './day-trace';
import { startRunnerTracing } from './start-runner-tracing';

const assistant = (id: string, usage: Record<string, number>) =>
  ({
    type: 'assistant',
    message: { id, model: 'claude-test-1', usage, content: [] },
    parent_tool_use_id: null,
  }) as unknown as SDKMessage;
const toolResults = { type: 'user', message: { content: [] } } as unknown as SDKMessage;
const result = { type: 'result', subtype: 'success' } as unknown as SDKMessage;

describe('agentTurnSpans', () => {
  let receiver: OtlpReceiver;
  let tracing: Tracing;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = await startRunnerTracing(receiver.url);
  });
  afterAll(async () => {
    await tracing?.shutdown();
    await receiver?.close();
  });

  it('makes one chat span per API message, under the day, with its usage and times', async () => {
    let clock = 1_000_000;
    const day = startDayTrace({ email: 'p@mana.test', userId: 'u1' }, 'tick-1', {
      name: 'claude-agent-sdk',
      model: 'claude-test',
    });
    await day.run(async () => {
      const turns = agentTurnSpans('claude-test', () => clock);
      clock += 500; // the model thinks
      // The CLI streams one message per content block; usage grows to the final figure.
      turns.observe(assistant('msg_1', { input_tokens: 10, output_tokens: 1 }));
      clock += 100;
      turns.observe(
        assistant('msg_1', {
          input_tokens: 10,
          cache_read_input_tokens: 5,
          cache_creation_input_tokens: 2,
          output_tokens: 7,
        }),
      );
      clock += 300; // the tool runs
      turns.observe(toolResults);
      clock += 400;
      turns.observe(assistant('msg_2', { input_tokens: 30, output_tokens: 4 }));
      turns.observe(result);
      turns.end();
    });
    day.end({
      status: 'ok',
      spaceId: null,
      calls: [],
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    });
    await tracing.forceFlush();

    const root = receiver.spans.find((s) => s.name === 'persona.day');
    const chats = receiver.spans.filter((s) => s.name === 'chat claude-test');
    expect(chats).toHaveLength(2);
    for (const chat of chats) {
      expect(chat).toMatchObject({ traceId: root?.traceId, parentSpanId: root?.spanId, kind: 3 });
    }
    // From when the model was asked to its last message of the turn.
    expect(chats.map((c) => [c.startMs, c.endMs])).toEqual([
      [1_000_000, 1_000_600],
      [1_000_900, 1_001_300],
    ]);
    expect(chats.map((c) => c.attributes)).toEqual([
      {
        'gen_ai.operation.name': 'chat',
        'gen_ai.system': 'anthropic',
        'gen_ai.request.model': 'claude-test',
        'gen_ai.response.model': 'claude-test-1',
        'gen_ai.usage.input_tokens': 17,
        'gen_ai.usage.output_tokens': 7,
      },
      {
        'gen_ai.operation.name': 'chat',
        'gen_ai.system': 'anthropic',
        'gen_ai.request.model': 'claude-test',
        'gen_ai.response.model': 'claude-test-1',
        'gen_ai.usage.input_tokens': 30,
        'gen_ai.usage.output_tokens': 4,
      },
    ]);
  });
});
