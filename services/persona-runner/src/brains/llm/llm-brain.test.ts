// The llm brain against real components: the AI SDK's providers talking to the fake
// OpenAI and fake Anthropic servers, the runner's MCP client to the real gateway.
import { randomUUID } from 'node:crypto';
import {
  scriptedTurns as anthropicTurns,
  type FakeAnthropic,
  startFakeAnthropic,
} from '@mana/fake-anthropic';
import { type FakeOpenAI, scriptedTurns, startFakeOpenAI } from '@mana/fake-openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRatings } from '../../ratings/parse-ratings';
import { startTestStack, type TestStack } from '../../testing/stack-harness';
import { summarizeExperience } from '../../tick/experience';
import { createLlmBrain, type LlmBrainOptions } from './index';

describe('llm brain', () => {
  let stack: TestStack;
  let openai: FakeOpenAI;
  let anthropic: FakeAnthropic;

  beforeAll(async () => {
    [stack, openai, anthropic] = await Promise.all([
      startTestStack(),
      startFakeOpenAI(),
      startFakeAnthropic({ promptCache: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([openai?.close(), anthropic?.close(), stack?.close()]);
  });

  const brain = (options: Partial<LlmBrainOptions> = {}) =>
    createLlmBrain({
      model: { provider: 'openai-compatible', modelId: 'fake-model' },
      baseUrl: openai.url,
      ...options,
    });
  const requestsFrom = () => {
    const start = openai.completionRequests().length;
    return () => openai.completionRequests().slice(start);
  };

  it('openai-compatible: records calls paired by id, marks the failing one, takes checks', async () => {
    const { day, calls, transcript } = await stack.day('ben');
    const requests = requestsFrom();
    const missing = randomUUID();
    openai.script(
      scriptedTurns([
        {
          toolCalls: [
            { id: 'call_create', name: 'todo_create', arguments: { title: 'Milch' } },
            { id: 'call_done', name: 'todo_complete', arguments: { id: missing } },
          ],
        },
        {
          toolCalls: [
            { id: 'call_list', name: 'todo_list', arguments: {} },
            { id: 'call_ghost', name: 'ghost_tool', arguments: {} },
          ],
        },
        {
          toolCalls: [
            {
              id: 'call_report',
              name: 'report_check',
              arguments: { call: 'call_create', verdict: 'passed', by: 'call_list' },
            },
          ],
        },
        { text: 'Milch steht auf der Liste.' },
      ]),
    );

    const { usage } = await brain().liveDay(day);

    expect(calls.map((c) => c.toolUseId).sort()).toEqual(['call_create', 'call_done', 'call_list']);
    const byId = new Map(calls.map((c) => [c.toolUseId, c]));
    expect(byId.get('call_create')).toMatchObject({
      toolName: 'todo.create',
      module: 'todo',
      input: { title: 'Milch' },
      result: 'ok',
      output: { todo: { title: 'Milch', status: 'open' } },
      check: { status: 'passed', by: calls.indexOf(byId.get('call_list') as never) },
    });
    expect(byId.get('call_create')?.errorMessage).toBeUndefined();
    expect(byId.get('call_done')).toMatchObject({
      toolName: 'todo.complete',
      result: 'error',
      errorKind: 'invalid_input',
    });
    expect(byId.get('call_done')?.errorMessage).toContain(missing);
    expect(byId.get('call_list')).toMatchObject({ toolName: 'todo.list', result: 'ok' });
    for (const call of calls) expect(call.latencyMs).toBeGreaterThanOrEqual(0);
    // The model saw the error of its own call and of the tool that does not exist.
    const second = new Map(requests()[1]?.toolResults.map((r) => [r.toolCallId, r.text]));
    expect(second.get('call_done')).toContain(missing);
    expect(second.get('call_create')).toContain('Milch');
    const third = new Map(requests()[2]?.toolResults.map((r) => [r.toolCallId, r.text]));
    expect(third.get('call_ghost')).toMatch(/ghost_tool/);
    // What the model was offered: the persona's modules under provider-safe names.
    expect(requests()[0]?.toolNames).toContain('todo_create');
    expect(requests()[0]?.toolNames).toContain('report_check');
    expect(requests()[0]?.toolNames.every((n) => /^[A-Za-z0-9_-]+$/.test(n))).toBe(true);
    expect(requests()[0]?.system).toBe(day.persona.systemPrompt);
    expect(usage).toEqual({
      inputTokens: 40,
      outputTokens: 20,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0,
    });
    // The transcript: the prompts sent, each recorded call, and the model's closing words.
    const entries = transcript.transcript()?.entries ?? [];
    expect(entries[0]).toMatchObject({ role: 'system', text: day.persona.systemPrompt });
    expect(entries.filter((e) => e.role === 'tool_call').map((e) => e.toolName)).toEqual(
      expect.arrayContaining(['todo.create', 'todo.complete', 'todo.list']),
    );
    expect(entries.at(-1)).toMatchObject({ role: 'assistant', text: 'Milch steht auf der Liste.' });
  });

  it('the rating turn sees the day: calls, results, errors, latencies, failed checks', async () => {
    const { day, calls } = await stack.day('ben', { tickId: 'test-ben-rating' });
    openai.script(
      scriptedTurns([
        {
          toolCalls: [
            { id: 'c1', name: 'todo_create', arguments: { title: 'Brot' } },
            { id: 'c2', name: 'todo_create', arguments: {} },
          ],
        },
        {
          toolCalls: [
            {
              id: 'c3',
              name: 'report_check',
              arguments: {
                call: 'c1',
                verdict: 'failed',
                expected: 'Brot in der Liste',
                seen: 'nichts',
              },
            },
          ],
        },
        { text: 'Fertig.' },
      ]),
    );
    const llm = brain();
    await llm.liveDay(day);
    const requests = requestsFrom();
    openai.script(() => ({
      text: '```json\n{"ratings":[{"module":"todo","rating":2,"notes":"Brot fehlte."}]}\n```',
    }));

    const experience = summarizeExperience(calls);
    const { text } = await llm.rateDay(day, experience, calls);

    const rating = requests()[0];
    expect(rating?.hasTools).toBe(false);
    expect(rating?.system).toBe(day.persona.systemPrompt);
    const prompt = rating?.lastUserText ?? '';
    // The two calls of one turn run at once: the log numbers them in the order they ended.
    expect(prompt).toContain('Dein Tag, Aufruf für Aufruf:');
    expect(prompt).toMatch(
      /\d\. todo\.create \{"title":"Brot"\} → ok .*Brot.* \(\d+ ms\); du hast es geprüft: failed \(erwartet Brot in der Liste; gesehen nichts\)/,
    );
    expect(prompt).toMatch(/\d\. todo\.create \{\} → error \(invalid_input\): .+ \(\d+ ms\)/);
    expect(parseRatings(text, ['todo'])).toEqual([
      { module: 'todo', rating: 2, notes: 'Brot fehlte.' },
    ]);
  });

  it('anthropic: the same loop through the Messages API, its system prompt and tools cached', async () => {
    const { day, calls } = await stack.day('ben', { tickId: 'test-ben-anthropic' });
    anthropic.script(
      anthropicTurns([
        { toolUses: [{ id: 'toolu_1', name: 'todo_create', input: { title: 'Eier' } }] },
        { text: 'Eier notiert.' },
      ]),
    );
    const { usage } = await brain({
      model: { provider: 'anthropic', modelId: 'claude-sonnet-4-5' },
      apiKey: 'sk-ant-fake',
      baseUrl: `${anthropic.url}/v1`,
    }).liveDay(day);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ toolName: 'todo.create', toolUseId: 'toolu_1', result: 'ok' });
    const second = anthropic.messageRequests().at(-1);
    expect(second?.toolResults[0]).toMatchObject({ toolUseId: 'toolu_1', isError: false });
    expect(second?.headers['x-api-key']).toBe('sk-ant-fake');
    // Cache breakpoints on the system prompt and the last tool only.
    const body = anthropic.messageRequests().at(-2)?.body as {
      system: { cache_control?: unknown }[];
      tools: { cache_control?: unknown }[];
    };
    expect(body.system.map((b) => b.cache_control)).toEqual([{ type: 'ephemeral' }]);
    expect(body.tools.map((t) => t.cache_control ?? null)).toEqual([
      ...body.tools.slice(1).map(() => null),
      { type: 'ephemeral' },
    ]);
    // The first turn wrote them to the cache, the second read them; 10 + 10 uncached.
    const written = usage?.cacheWriteTokens ?? 0;
    expect(written).toBeGreaterThan(100);
    expect(usage).toMatchObject({
      inputTokens: 20 + 2 * written,
      cacheReadTokens: written,
      outputTokens: 10,
    });
    // claude-sonnet-4-5 at list prices: 3 / 15, cache reads 0.3, writes 3.75 per million.
    expect(usage?.costUsd).toBeCloseTo((20 * 3 + written * (0.3 + 3.75) + 10 * 15) / 1e6, 12);
  });

  it('garbage answers and endless tool calls end the day within its turns', async () => {
    const { day, calls } = await stack.day('ben', { tickId: 'test-ben-loop' });
    const requests = requestsFrom();
    openai.script((req) =>
      req.index % 2 === 0
        ? { toolCalls: [{ name: 'todo_list', arguments: '{not json' }] }
        : { toolCalls: [{ name: 'todo_list', arguments: {} }] },
    );
    await brain({ maxTurns: 6 }).liveDay(day);
    expect(requests()).toHaveLength(6);
    // The broken arguments never reached the app; the well-formed calls did.
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.toolName === 'todo.list' && c.result === 'ok')).toBe(true);

    openai.script(() => ({ text: '\u0000@@## ]]}{ lorem' }));
    const other = await stack.day('ben', { tickId: 'test-ben-garbage' });
    await expect(brain().liveDay(other.day)).resolves.toMatchObject({ usage: { inputTokens: 10 } });
    expect(other.calls).toHaveLength(0);
  });

  it('a 429 storm fails that persona fast: bounded retries, long Retry-After not waited', async () => {
    const { day } = await stack.day('ben', { tickId: 'test-ben-429' });
    const requests = requestsFrom();
    openai.script(() => ({ status: 429, retryAfter: 0, error: { message: 'rate limited' } }));
    await expect(brain({ retry: { maxRetries: 2 } }).liveDay(day)).rejects.toMatchObject({
      name: 'LlmBrainError',
      code: 'API_ERROR',
      message: expect.stringContaining('429'),
    });
    expect(requests()).toHaveLength(3);

    const again = requestsFrom();
    openai.script(() => ({ status: 429, retryAfter: 60 }));
    await expect(
      brain({ retry: { maxRetries: 5, maxRetryAfterMs: 1_000 } }).liveDay(day),
    ).rejects.toMatchObject({ code: 'API_ERROR' });
    expect(again()).toHaveLength(1);
  });

  it('an abort while the model thinks ends the day at once, keeping the calls made', async () => {
    const controller = new AbortController();
    const { day, calls } = await stack.day('ben', {
      tickId: 'test-ben-abort',
      signal: controller.signal,
    });
    openai.script(
      scriptedTurns([
        { toolCalls: [{ id: 'call_a', name: 'todo_create', arguments: { title: 'Käse' } }] },
        () => {
          controller.abort(new Error('persona timeout'));
          return { hang: true };
        },
      ]),
    );
    await expect(brain().liveDay(day)).rejects.toMatchObject({
      code: 'ABORTED',
      message: expect.stringContaining('persona timeout'),
    });
    expect(calls.map((c) => c.toolUseId)).toEqual(['call_a']);
  });

  it('a gateway that cannot be reached fails the day before any model call', async () => {
    const { day } = await stack.day('ben', { tickId: 'test-ben-gateway' });
    const requests = requestsFrom();
    day.gateway = { ...day.gateway, url: 'http://127.0.0.1:1/mcp' };
    await expect(brain().liveDay(day)).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE' });
    expect(requests()).toHaveLength(0);
  });
});
