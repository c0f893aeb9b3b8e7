import { gzipSync } from 'node:zlib';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic';

const minimal = {
  model: 'claude-test',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'Hi' }],
};

function post(
  fake: FakeAnthropic,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The `data` payloads of an SSE body, in order. */
function sseData(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const eventLine = frame.split('\n').find((line) => line.startsWith('event: '));
      const dataLine = frame.split('\n').find((line) => line.startsWith('data: '));
      const data = JSON.parse(dataLine?.slice(6) ?? '{}') as Record<string, unknown>;
      // The event name must always repeat the payload's type, as the API does.
      expect(eventLine?.slice(7)).toBe(data.type);
      return data;
    });
}

describe('startFakeAnthropic', () => {
  let fake: FakeAnthropic;
  let client: Anthropic;

  beforeEach(async () => {
    fake = await startFakeAnthropic();
    client = new Anthropic({ baseURL: fake.url, apiKey: 'sk-ant-fake', maxRetries: 0 });
  });
  afterEach(() => fake.close());

  it('listens on 127.0.0.1 and answers a short text by default', async () => {
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`);
    const message = await client.messages.create(minimal);
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'OK from the fake model.' }],
      usage: { input_tokens: 10, output_tokens: 5 },
    });
  });

  it('streams the exact Anthropic event sequence, text and tool input split into deltas', async () => {
    fake.script(() => ({
      text: 'Let me add that to your list right away.',
      toolUses: [{ name: 'mcp__mana__todo_create', input: { title: 'Buy oat milk', due: null } }],
      usage: { input_tokens: 120, output_tokens: 30 },
    }));
    const response = await post(fake, '/v1/messages', { ...minimal, stream: true });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = sseData(await response.text());
    const types = events.map((e) => e.type);
    const deltas = (index: number) =>
      events.filter((e) => e.type === 'content_block_delta' && e.index === index);

    expect(types[0]).toBe('message_start');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(types.filter((t) => t === 'content_block_start')).toHaveLength(2);
    expect(types.filter((t) => t === 'content_block_stop')).toHaveLength(2);
    expect(deltas(0).length).toBeGreaterThan(1);
    expect(deltas(1).length).toBeGreaterThan(1);
    expect(
      deltas(0)
        .map((e) => (e.delta as { text: string }).text)
        .join(''),
    ).toBe('Let me add that to your list right away.');
    const json = deltas(1)
      .map((e) => (e.delta as { type: string; partial_json: string }).partial_json)
      .join('');
    expect(JSON.parse(json)).toEqual({ title: 'Buy oat milk', due: null });
    expect(events.at(-2)).toMatchObject({
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { input_tokens: 120, output_tokens: 30 },
    });
  });

  it('streams so that the official client rebuilds the whole message', async () => {
    fake.script(() => ({
      toolUses: [{ name: 'todo_list', input: { limit: 5 }, id: 'toolu_fixed' }],
    }));
    const message = await client.messages.stream(minimal).finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'toolu_fixed', name: 'todo_list', input: { limit: 5 } },
    ]);
    expect(message.usage).toMatchObject({ input_tokens: 10, output_tokens: 5 });
  });

  it('answers errors in the Anthropic shape with retry-after', async () => {
    fake.script((req) =>
      req.index === 0
        ? { status: 429, retryAfter: 7 }
        : { status: 529, error: { message: 'Busy' } },
    );
    const limited = await post(fake, '/v1/messages', minimal);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: 'Fake error 429' },
      request_id: 'req_fake_0',
    });
    const overloaded = client.messages.create(minimal);
    await expect(overloaded).rejects.toMatchObject({
      status: 529,
      error: { error: { type: 'overloaded_error', message: 'Busy' } },
    });
  });

  it('never answers a hanging request, and still closes', async () => {
    fake.script(() => ({ hang: true }));
    const call = post(fake, '/v1/messages', minimal);
    await expect(
      Promise.race([call, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]),
    ).resolves.toBe('waiting');
    await fake.close();
    await expect(call).rejects.toThrow();
    expect(fake.requests[0]?.reply).toEqual({ hang: true });
    fake = await startFakeAnthropic(); // afterEach closes this one
  });

  it('accepts whatever shape the CLI sends and records it', async () => {
    const body = {
      model: 'claude-opus-x',
      max_tokens: 128000,
      stream: false,
      system: [
        { type: 'text', text: 'You are Anna.' },
        { type: 'text', text: 'Be brief.' },
      ],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Plan my day' }] },
        { role: 'system', content: '# Environment' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'a', input: {} }] },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', is_error: true, content: 'Nope' }],
        },
      ],
      tools: [{ name: 'mcp__mana__todo_create', input_schema: { type: 'object' } }],
      tool_choice: { type: 'auto' },
      thinking: { type: 'adaptive' },
      metadata: { user_id: 'x' },
      context_management: { edits: [] },
      output_config: { effort: 'medium' },
    };
    const response = await post(fake, '/v1/messages?beta=true', body, {
      'anthropic-beta': 'claude-code-20250219',
    });
    expect(response.status).toBe(200);
    const [record] = fake.requests;
    expect(record).toMatchObject({ method: 'POST', path: '/v1/messages', query: 'beta=true' });
    expect(record?.headers['anthropic-beta']).toBe('claude-code-20250219');
    expect(record?.body).toEqual(body);
    expect(fake.messageRequests()[0]).toMatchObject({
      index: 0,
      model: 'claude-opus-x',
      stream: false,
      maxTokens: 128000,
      system: 'You are Anna.\nBe brief.\n# Environment',
      toolNames: ['mcp__mana__todo_create'],
      hasTools: true,
      messageCount: 4,
      toolResults: [{ toolUseId: 't1', isError: true, text: 'Nope' }],
      sideRequest: undefined,
    });
  });

  it('decodes gzip bodies', async () => {
    const response = await fetch(`${fake.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify(minimal)),
    });
    expect(response.status).toBe(200);
    expect(fake.messageRequests()[0]?.lastUserText).toBe('Hi');
  });

  it('counts tokens, rejects non-JSON and answers unknown paths with a JSON 404', async () => {
    const count = await post(fake, '/v1/messages/count_tokens?beta=true', minimal);
    expect(await count.json()).toEqual({ input_tokens: 10 });
    const bad = await post(fake, '/v1/messages', 'not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
    const unknown = await fetch(`${fake.url}/v1/models`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error' },
    });
    expect(fake.requests.map((r) => r.kind)).toEqual(['count_tokens', 'messages', 'other']);
    expect(fake.messageRequests()).toEqual([]);
  });

  it('turns a throwing handler into a 500 the client must not retry', async () => {
    fake.script(() => {
      throw new Error('script bug');
    });
    const response = await post(fake, '/v1/messages', minimal);
    expect(response.status).toBe(500);
    expect(response.headers.get('x-should-retry')).toBe('false');
    expect(String(fake.handlerErrors[0])).toContain('script bug');
  });

  it('reports usage from the options when a reply names none', async () => {
    await fake.close();
    fake = await startFakeAnthropic({ usage: { input_tokens: 1000 } });
    const response = await post(fake, '/v1/messages', minimal);
    expect(await response.json()).toMatchObject({
      usage: { input_tokens: 1000, output_tokens: 5 },
    });
  });
});
