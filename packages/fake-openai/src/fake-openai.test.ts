// The fake against real clients: the AI SDK's OpenAI-compatible and OpenAI providers.
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHandler } from './demo-handler';
import { type FakeOpenAI, startFakeOpenAI } from './fake-openai';
import { scriptedTurns } from './scripted-turns';

describe('fake OpenAI chat completions', () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const compatible = () =>
    createOpenAICompatible({ name: 'fake', baseURL: fake.url, includeUsage: true })('fake-model');
  const echo = tool({
    description: 'Echo',
    inputSchema: jsonSchema<{ text: string }>({
      type: 'object',
      properties: { text: { type: 'string' } },
      required: ['text'],
    }),
    execute: async ({ text }) => ({ echoed: text }),
  });

  it('answers tool calls and text without streaming, with usage', async () => {
    const from = fake.completionRequests().length;
    fake.script(
      scriptedTurns([
        {
          toolCalls: [{ id: 'call_1', name: 'echo', arguments: { text: 'hi' } }],
          usage: { prompt_tokens: 7 },
        },
        (req) => ({ text: `saw ${req.toolResults[0]?.text}` }),
      ]),
    );
    const result = await generateText({
      model: compatible(),
      system: 'You are a test.',
      prompt: 'Echo hi',
      tools: { echo },
      stopWhen: stepCountIs(5),
    });
    expect(result.steps[0]?.toolCalls[0]).toMatchObject({
      toolCallId: 'call_1',
      toolName: 'echo',
      input: { text: 'hi' },
    });
    expect(result.text).toBe('saw {"echoed":"hi"}');
    expect(result.totalUsage.inputTokens).toBe(17);
    expect(result.totalUsage.outputTokens).toBe(10);
    const [first, second] = fake.completionRequests().slice(from);
    expect(first).toMatchObject({
      stream: false,
      system: 'You are a test.',
      toolNames: ['echo'],
      lastUserText: 'Echo hi',
    });
    expect(second?.toolResults).toEqual([{ toolCallId: 'call_1', text: '{"echoed":"hi"}' }]);
  });

  it('streams text and tool-call arguments in chunks, usage last', async () => {
    const from = fake.completionRequests().length;
    const long = 'a fairly long answer that needs several chunks to arrive';
    fake.script(
      scriptedTurns([
        {
          toolCalls: [
            { name: 'echo', arguments: { text: 'streamed arguments, long enough to split' } },
          ],
        },
        { text: long },
      ]),
    );
    const result = streamText({
      model: compatible(),
      prompt: 'go',
      tools: { echo },
      stopWhen: stepCountIs(5),
    });
    expect(await result.text).toBe(long);
    const steps = await result.steps;
    expect(steps[0]?.toolCalls[0]?.input).toEqual({
      text: 'streamed arguments, long enough to split',
    });
    expect(steps[0]?.toolCalls[0]?.toolCallId).toBe(`call_fake_${from}_0`);
    expect((await result.totalUsage).inputTokens).toBe(20);
    expect(fake.completionRequests()[from]?.stream).toBe(true);
  });

  it('serves the OpenAI provider too (its chat API)', async () => {
    fake.script(() => ({ text: 'hello' }));
    const openai = createOpenAI({ baseURL: fake.url, apiKey: 'sk-fake' });
    const result = await generateText({
      model: openai.chat('gpt-fake'),
      prompt: 'hi',
      maxRetries: 0,
    });
    expect(result.text).toBe('hello');
    expect(fake.completionRequests().at(-1)?.headers.authorization).toBe('Bearer sk-fake');
  });

  it('answers 429 with Retry-After and an OpenAI error body', async () => {
    fake.script(() => ({ status: 429, retryAfter: 3, error: { message: 'slow down' } }));
    const response = await fetch(`${fake.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toMatchObject({
      error: { message: 'slow down', type: 'rate_limit_exceeded' },
    });
  });

  it('refuses a body that is not JSON and unknown paths; a handler that throws is a 500', async () => {
    const bad = await fetch(`${fake.url}/chat/completions`, { method: 'POST', body: 'nope' });
    expect(bad.status).toBe(400);
    expect((await fetch(`${fake.url}/embeddings`, { method: 'POST', body: '{}' })).status).toBe(
      404,
    );
    fake.script(scriptedTurns([]));
    const result = await generateText({ model: compatible(), prompt: 'x', maxRetries: 0 }).catch(
      (e: unknown) => e,
    );
    expect(result).toBeInstanceOf(Error);
    expect(fake.handlerErrors).toHaveLength(1);
  });

  it('the demo handler creates, lists, stops, and rates the modules a prompt names', async () => {
    fake.script(demoHandler);
    const made: string[] = [];
    const mk = (name: string) =>
      tool({
        description: name,
        inputSchema: jsonSchema({
          type: 'object',
          properties: { title: { type: 'string' } },
          required: ['title'],
        }),
        execute: async (input) => {
          made.push(`${name}:${JSON.stringify(input)}`);
          return { ok: true };
        },
      });
    const day = await generateText({
      model: compatible(),
      prompt: 'live',
      tools: { todo_create: mk('todo_create'), todo_list: mk('todo_list') },
      stopWhen: stepCountIs(10),
    });
    expect(made).toEqual([
      'todo_create:{"title":"Fake entry"}',
      'todo_list:{"title":"Fake entry"}',
    ]);
    expect(day.steps).toHaveLength(3);
    const rating = await generateText({
      model: compatible(),
      prompt: 'Rate.\nRate only these modules: todo, habits.',
    });
    expect(JSON.parse(rating.text)).toEqual({
      ratings: [
        { module: 'todo', rating: 4, notes: 'Worked as expected today (fake model).' },
        { module: 'habits', rating: 4, notes: 'Worked as expected today (fake model).' },
      ],
    });
  });
});
