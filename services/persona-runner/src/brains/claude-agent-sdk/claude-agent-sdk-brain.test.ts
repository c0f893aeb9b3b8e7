// The brain against real components: the Claude Agent SDK and its CLI, talking to the
// fake Anthropic API and to the real MCP gateway and identity service over loopback.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { HEADERS } from '@mana/contracts';
import { type FakeAnthropic, scriptedTurns, startFakeAnthropic } from '@mana/fake-anthropic';
import { canListProcesses, pidsWithEnvEntry } from '@mana/fake-anthropic/testing';
import { appTools, isExposed, ToolRegistry } from '@mana/tool-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingPrompt } from '../../ratings/prompt';
import { startTestStack, type TestStack } from '../../testing/stack-harness';
import type { ModuleExperience } from '../types';
import { type ClaudeAgentSdkBrainOptions, createClaudeAgentSdkBrain } from './index';
import { slowTool } from './testing/slow-tool';
import { startUserAgentGate } from './testing/user-agent-gate';

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('claude-agent-sdk brain', () => {
  let stack: TestStack;
  let fake: FakeAnthropic;
  const slow = slowTool();

  beforeAll(async () => {
    [stack, fake] = await Promise.all([
      startTestStack({ registry: new ToolRegistry([...appTools, slow.tool]) }),
      startFakeAnthropic(),
    ]);
  });

  afterAll(async () => {
    await Promise.all([fake?.close(), stack?.close()]);
  });

  const brain = (options: Partial<ClaudeAgentSdkBrainOptions> = {}) =>
    createClaudeAgentSdkBrain({
      apiKey: 'sk-ant-fake',
      baseUrl: fake.url,
      env: { PATH: process.env.PATH },
      ...options,
    });

  /** The fake's message requests from now on. */
  const requestsFrom = () => {
    const start = fake.messageRequests().length;
    return () => fake.messageRequests().slice(start);
  };

  it('records every call with app name, module and result, paired by tool_use_id', async () => {
    const { day, calls } = await stack.day('ben');
    const requests = requestsFrom();
    fake.script(
      scriptedTurns([
        {
          toolUses: [
            {
              id: 'toolu_slow',
              name: 'mcp__mana__habits_slow_echo',
              input: { text: 'first asked', delayMs: 400 },
            },
            { id: 'toolu_logs', name: 'mcp__mana__habits_recent_logs', input: { days: 3 } },
          ],
        },
        {
          toolUses: [
            { id: 'toolu_todo', name: 'mcp__mana__todo_create', input: { title: 'Milch' } },
          ],
        },
        { text: 'Erledigt.' },
      ]),
    );

    await brain().liveDay(day);

    // Both read-only calls ran side by side: the one asked second answered first.
    expect(calls.map((c) => c.toolUseId)).toEqual(['toolu_logs', 'toolu_slow', 'toolu_todo']);
    expect(calls[0]).toMatchObject({
      toolName: 'habits.recent_logs',
      module: 'habits',
      input: { days: 3 },
      result: 'ok',
      output: { count: 0, logs: [] },
    });
    expect(calls[1]).toMatchObject({
      toolName: 'habits.slow_echo',
      module: 'habits',
      input: { text: 'first asked', delayMs: 400 },
      result: 'ok',
      output: { text: 'first asked' },
    });
    expect(calls[2]).toMatchObject({
      toolName: 'todo.create',
      module: 'todo',
      result: 'ok',
      output: { todo: { title: 'Milch', status: 'open' } },
    });
    for (const call of calls) expect(call.errorMessage).toBeUndefined();
    expect(calls[1]?.latencyMs).toBeGreaterThanOrEqual(390);
    expect(calls[1]?.latencyMs).toBeGreaterThan(calls[0]?.latencyMs ?? Infinity);
    // What the model got back is paired the same way.
    const seen = new Map(requests()[1]?.toolResults.map((r) => [r.toolUseId, r.text]));
    expect(seen.get('toolu_slow')).toMatch(/^\{"text":"first asked"\}/);
    expect(seen.get('toolu_logs')).toMatch(/^\{"logs":\[\]/);
  });

  it('marks exactly the failing call as an error with the message the model saw', async () => {
    const { day, calls } = await stack.day('tom');
    const requests = requestsFrom();
    const missing = randomUUID();
    fake.script(
      scriptedTurns([
        {
          toolUses: [
            { id: 'toolu_missing', name: 'mcp__mana__todo_complete', input: { id: missing } },
            { id: 'toolu_list', name: 'mcp__mana__todo_list', input: {} },
            { id: 'toolu_invalid', name: 'mcp__mana__calendar_create_event', input: {} },
          ],
        },
        { text: 'Mist.' },
      ]),
    );

    await brain().liveDay(day);

    const byId = new Map(calls.map((c) => [c.toolUseId, c]));
    expect(calls).toHaveLength(3);
    expect(byId.get('toolu_list')).toMatchObject({ toolName: 'todo.list', result: 'ok' });
    expect(byId.get('toolu_list')?.errorMessage).toBeUndefined();
    const seen = new Map(requests()[1]?.toolResults.map((r) => [r.toolUseId, r]));
    for (const id of ['toolu_missing', 'toolu_invalid']) {
      const call = byId.get(id);
      expect(call?.result).toBe('error');
      expect(seen.get(id)?.isError).toBe(true);
      // The CLI may append reminders to what the model gets; the tool's text comes first.
      expect(seen.get(id)?.text.startsWith(call?.errorMessage ?? '-')).toBe(true);
    }
    expect(byId.get('toolu_missing')).toMatchObject({
      toolName: 'todo.complete',
      module: 'todo',
      errorMessage: expect.stringContaining(missing),
      errorKind: 'invalid_input',
    });
    expect(byId.get('toolu_invalid')).toMatchObject({
      toolName: 'calendar.create_event',
      module: 'calendar',
      errorMessage: expect.stringMatching(/title/),
      errorKind: 'invalid_input',
    });
  });

  it("asks in the persona's language with only its modules' tools, and counts usage", async () => {
    const { day, calls } = await stack.day('anna', { now: new Date('2026-11-25T09:30:00Z') });
    const requests = requestsFrom();
    fake.script(
      scriptedTurns([
        {
          toolUses: [{ name: 'mcp__mana__mood_log', input: { score: 3 } }],
          usage: {
            input_tokens: 100,
            output_tokens: 20,
            cache_read_input_tokens: 50,
            cache_creation_input_tokens: 10,
          },
        },
        { text: 'Fertig für heute.', usage: { input_tokens: 200, output_tokens: 30 } },
      ]),
    );

    const { usage } = await brain({ model: 'claude-sonnet-4-5' }).liveDay(day);

    const [first] = requests();
    expect(first?.model).toBe('claude-sonnet-4-5');
    expect(first?.system).toContain(day.persona.systemPrompt);
    // Berlin is an hour ahead of UTC in November.
    expect(first?.lastUserText).toContain('Heute ist Mittwoch, 25. November 2026, 10:30 Uhr.');
    expect(first?.lastUserText).toContain('Simuliere deinen Tag in der App');
    expect(day.modules.toSorted()).toEqual(['journal', 'mood', 'notes', 'todo']);
    expect(first?.lastUserText).toContain(`Deine Module: ${day.modules.join(', ')}.`);
    expect(first?.lastUserText).toContain(`Du bist im Bereich „${day.space.name}“`);

    const expected = appTools
      .filter((t) => isExposed(t) && day.modules.includes(t.module))
      .map((t) => `mcp__mana__${t.name.replaceAll('.', '_')}`);
    expect(expected.length).toBeGreaterThan(10);
    const offered = (first?.toolNames ?? []).filter((n) => n !== 'DeferredToolPlaceholder');
    // Beside the app's tools, only the persona's own note of a check (not an app action).
    expect(offered.toSorted()).toEqual([...expected, 'mcp__persona__report_check'].toSorted());
    expect(offered.some((n) => n.startsWith('mcp__mana__habits_'))).toBe(false);

    expect(calls).toHaveLength(1);
    expect(usage).toMatchObject({
      inputTokens: 100 + 50 + 10 + 200,
      cacheReadTokens: 50,
      cacheWriteTokens: 10,
      outputTokens: 50,
    });
    expect(usage?.costUsd).toBeGreaterThan(0);
  });

  it('records the check the model reports with report_check on the write it names', async () => {
    const { day, calls } = await stack.day('maya');
    const requests = requestsFrom();
    const expected = 'a todo "Milch kaufen" in todo.list';
    const seen = 'not in the todos listed';
    fake.script(
      scriptedTurns([
        {
          toolUses: [
            {
              id: 'toolu_create',
              name: 'mcp__mana__todo_create',
              input: { title: 'Milch kaufen' },
            },
          ],
        },
        {
          toolUses: [{ id: 'toolu_list', name: 'mcp__mana__todo_list', input: { status: 'all' } }],
        },
        {
          toolUses: [
            {
              id: 'toolu_report',
              name: 'mcp__persona__report_check',
              input: { call: 'toolu_create', verdict: 'failed', expected, seen, by: 'toolu_list' },
            },
            {
              id: 'toolu_report_unknown',
              name: 'mcp__persona__report_check',
              input: { call: 'toolu_never', verdict: 'passed' },
            },
          ],
        },
        { text: 'Done for today.' },
      ]),
    );

    await brain().liveDay(day);

    // The reports are the persona's notes, not app actions: two rows, the write judged.
    expect(calls.map((c) => c.toolUseId)).toEqual(['toolu_create', 'toolu_list']);
    expect(calls[0]).toMatchObject({
      toolName: 'todo.create',
      result: 'ok',
      check: { status: 'failed', by: 1, expected, seen },
    });
    expect(calls[1]?.check).toBeUndefined();
    const answers = new Map(requests()[3]?.toolResults.map((r) => [r.toolUseId, r]));
    expect(answers.get('toolu_report')).toMatchObject({ isError: false });
    expect(answers.get('toolu_report')?.text).toContain('Noted');
    expect(answers.get('toolu_report_unknown')).toMatchObject({ isError: true });
    expect(answers.get('toolu_report_unknown')?.text).toContain('No tool call with id toolu_never');
  });

  it('ends the day normally at the turn limit, recording every call', async () => {
    const { day, calls } = await stack.day('maya');
    const requests = requestsFrom();
    fake.script(() => ({ toolUses: [{ name: 'mcp__mana__todo_list', input: {} }] }));

    const { usage } = await brain({ maxTurns: 2 }).liveDay(day);

    // Two model turns, each asking for one call: both calls ran and both count.
    expect(requests()).toHaveLength(2);
    expect(calls).toEqual(
      requests().map((r) =>
        expect.objectContaining({
          toolUseId: `toolu_fake_${r.index}_0`,
          toolName: 'todo.list',
          module: 'todo',
          result: 'ok',
        }),
      ),
    );
    expect(usage).toMatchObject({ inputTokens: 20, outputTokens: 10 });
  });

  it('fails fast in a rate-limit storm, keeping the calls made before it', async () => {
    const { day, calls } = await stack.day('marcus');
    const requests = requestsFrom();
    fake.script(
      scriptedTurns([
        { toolUses: [{ id: 'toolu_before', name: 'mcp__mana__todo_list', input: {} }] },
        ...Array.from({ length: 10 }, () => ({ status: 429 })),
      ]),
    );
    const started = Date.now();

    const error = await brain()
      .liveDay(day)
      .catch((e: unknown) => e);

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({
      name: 'ClaudeAgentSdkBrainError',
      code: 'API_ERROR',
      message: expect.stringMatching(/^Anthropic API error 429 after 2 retries/),
    });
    // One successful turn, then the first try and two retries.
    expect(requests()).toHaveLength(4);
    expect(calls).toEqual([
      expect.objectContaining({ toolUseId: 'toolu_before', toolName: 'todo.list', result: 'ok' }),
    ]);
  });

  it('rejects when the gateway refuses connections, before asking the model', async () => {
    const { day, calls } = await stack.day('lena');
    const requests = requestsFrom();
    day.gateway = { ...day.gateway, url: `http://127.0.0.1:${await refusedPort()}/mcp` };

    await expect(brain().liveDay(day)).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE' });
    expect(requests()).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('rejects when the CLI cannot connect to the gateway, instead of living an empty day', async () => {
    const { day } = await stack.day('julia');
    const gate = await startUserAgentGate(day.gateway.url, /claude/i);
    try {
      fake.script(() => ({ text: 'Nothing to do.' }));
      day.gateway = { ...day.gateway, url: gate.url };

      await expect(brain().liveDay(day)).rejects.toMatchObject({
        code: 'GATEWAY_UNAVAILABLE',
        message: expect.stringContaining('Claude Code could not connect to the MCP gateway'),
      });
      expect(gate.refused.length).toBeGreaterThan(0);
    } finally {
      await gate.close();
    }
  });

  it('stops at once when the day is aborted mid-call, and the CLI is gone', async () => {
    const controller = new AbortController();
    const { day, calls } = await stack.day('sofia', { signal: controller.signal });
    const marker = `/nonexistent/claude-agent-sdk-test-${process.pid}-${Date.now()}`;
    const path = `${process.env.PATH}:${marker}`;
    fake.script(
      scriptedTurns([
        {
          toolUses: [
            {
              id: 'toolu_hanging',
              name: 'mcp__mana__habits_slow_echo',
              input: { text: 'x', delayMs: 3_000 },
            },
          ],
        },
        { hang: true },
      ]),
    );
    // Sofia has no habits module; the test tool must still be offered to abort during it.
    day.modules = [...day.modules, 'habits'];
    day.gateway.headers[HEADERS.modules] = day.modules.join(',');
    const startedBefore = slow.started.length;

    const running = brain({ env: { PATH: path } })
      .liveDay(day)
      .catch((e: unknown) => e);
    await expect.poll(() => slow.started.length, { timeout: 10_000 }).toBe(startedBefore + 1);
    if (canListProcesses) {
      const [pid, ...others] = pidsWithEnvEntry(`PATH=${path}`);
      expect(others).toEqual([]);
      // The persona's token reaches the CLI over stdin, not on its command line.
      const token = day.gateway.headers.authorization?.slice('Bearer '.length) ?? '';
      expect(token.length).toBeGreaterThan(10);
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(token);
    }
    const abortedAt = Date.now();
    controller.abort(new Error('tick timeout'));
    // The runner stops taking records once the day is aborted: the cut-off call must be in.
    const recordedAtAbort = [...calls];
    const error = await running;

    expect(Date.now() - abortedAt).toBeLessThan(1_500);
    expect(error).toMatchObject({
      code: 'ABORTED',
      message: expect.stringContaining('tick timeout'),
    });
    if (canListProcesses) expect(pidsWithEnvEntry(`PATH=${path}`)).toEqual([]);
    expect(calls).toEqual(recordedAtAbort);
    expect(calls).toEqual([
      expect.objectContaining({
        toolUseId: 'toolu_hanging',
        toolName: 'habits.slow_echo',
        result: 'error',
        errorMessage: 'No result: the day was aborted before this call returned',
      }),
    ]);
  });

  it('rates in a fresh turn without tools and returns the raw text with its usage', async () => {
    const { day } = await stack.day('kai');
    const requests = requestsFrom();
    const answer =
      '```json\n{"ratings":[{"module":"notes","rating":4,"notes":"Quick and clear."}]}\n```';
    fake.script(scriptedTurns([{ text: answer, usage: { input_tokens: 40, output_tokens: 12 } }]));
    const experience: ModuleExperience[] = [
      {
        module: 'notes',
        calls: 2,
        errors: 0,
        invalidInputs: 0,
        tools: ['notes.create'],
        errorSamples: [],
        checks: 0,
        failedChecks: 0,
        failedCheckSamples: [],
        latencyP50Ms: 12,
        latencyMaxMs: 20,
        slowest: { toolName: 'notes.create', latencyMs: 20 },
      },
    ];

    const rated = await brain().rateDay(day, experience);

    expect(rated.text).toBe(answer);
    expect(rated.usage).toMatchObject({ inputTokens: 40, outputTokens: 12 });
    expect(rated.usage?.costUsd).toBeGreaterThan(0);
    const [request, ...more] = requests();
    expect(more).toEqual([]);
    expect(request?.hasTools).toBe(false);
    expect(request?.system).toContain(day.persona.systemPrompt);
    expect(request?.lastUserText).toContain(ratingPrompt(day.persona, experience));
  });
});
