// Proof that the real Claude Agent SDK (and the Claude Code CLI it spawns) runs offline
// against the fake, calling tools of an MCP server over Streamable HTTP. The assertions
// pin the message shapes and failure behaviour the persona runner relies on; the README
// describes them.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortError,
  type Options,
  type Query,
  query,
  type SDKMessage,
  type SDKResultMessage,
  type SDKSystemMessage,
} from '@anthropic-ai/claude-agent-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic';
import { scriptedTurns } from './scripted-turns';
import { canListProcesses, pidsWithEnvEntry } from './testing/child-processes';
import { type ProxyTrap, startProxyTrap } from './testing/proxy-trap';
import { startTodoMcpServer, type TodoMcpServer } from './testing/todo-mcp-server';

interface AgentRun {
  messages: SDKMessage[];
  init: SDKSystemMessage | undefined;
  result: SDKResultMessage | undefined;
  /** What the message iterator threw, if anything. */
  error: unknown;
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Claude Agent SDK against the fake', () => {
  let fake: FakeAnthropic;
  let mcp: TodoMcpServer;
  let trap: ProxyTrap;
  let home: string;

  beforeEach(async () => {
    [fake, mcp, trap] = await Promise.all([
      startFakeAnthropic(),
      startTodoMcpServer(),
      startProxyTrap(),
    ]);
    home = await mkdtemp(join(tmpdir(), 'fake-anthropic-home-'));
  });

  afterEach(async () => {
    // Nothing may try to leave the machine: every non-loopback request goes to the trap.
    expect(trap.attempts).toEqual([]);
    await Promise.all([fake.close(), mcp.close(), trap.close()]);
    await rm(home, { recursive: true, force: true });
  });

  /** The option set the persona runner uses, pointed at this test's servers. */
  function options(extra: { env?: Record<string, string>; mcpUrl?: string } = {}): Options {
    return {
      cwd: home,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        ANTHROPIC_BASE_URL: fake.url,
        ANTHROPIC_API_KEY: 'sk-ant-fake',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        HTTPS_PROXY: trap.url,
        HTTP_PROXY: trap.url,
        NO_PROXY: '127.0.0.1,localhost',
        ...extra.env,
      },
      tools: [],
      allowedTools: ['mcp__mana__todo_create', 'mcp__mana__todo_fail'],
      permissionMode: 'dontAsk',
      mcpServers: {
        mana: {
          type: 'http',
          url: extra.mcpUrl ?? mcp.url,
          headers: { Authorization: 'Bearer test-jwt', 'X-Mana-Space': 'space-1' },
        },
      },
      maxTurns: 5,
      persistSession: false,
      settingSources: [],
    };
  }

  async function collect(q: Query): Promise<AgentRun> {
    const run: AgentRun = { messages: [], init: undefined, result: undefined, error: undefined };
    try {
      for await (const message of q) {
        run.messages.push(message);
        if (message.type === 'system' && message.subtype === 'init') run.init = message;
        if (message.type === 'result') run.result = message;
      }
    } catch (error) {
      run.error = error;
    }
    return run;
  }

  const contentBlocks = (run: AgentRun, type: 'assistant' | 'user') =>
    run.messages.flatMap((m) =>
      m.type === type && Array.isArray(m.message.content)
        ? (m.message.content as unknown as Record<string, unknown>[])
        : [],
    );

  it('calls a dotted MCP tool over HTTP and reports the whole exchange', async () => {
    fake.script(
      scriptedTurns([
        { toolUses: [{ name: 'mcp__mana__todo_create', input: { title: 'Milk' } }] },
        { text: 'Added Milk to your list.' },
      ]),
    );
    const run = await collect(query({ prompt: 'Create a todo called Milk.', options: options() }));

    expect(run.error).toBeUndefined();
    expect(mcp.created).toEqual([{ title: 'Milk' }]);
    expect(mcp.headers[0]).toMatchObject({
      authorization: 'Bearer test-jwt',
      'x-mana-space': 'space-1',
    });

    // The init message lists the server as connected and every tool it offers:
    // allowedTools decides what runs unasked, not what exists.
    expect(run.init?.mcp_servers).toEqual([
      { name: 'mana', status: 'connected', source: 'dynamic' },
    ]);
    expect(run.init?.tools.toSorted()).toEqual([
      'mcp__mana__todo_create',
      'mcp__mana__todo_delete',
      'mcp__mana__todo_fail',
    ]);

    // The model sees `mcp__<server>__<tool>` with dots turned into underscores, plus a
    // hidden placeholder the CLI adds whenever MCP tools are present.
    const [first, second] = fake.messageRequests();
    expect(first?.toolNames.toSorted()).toEqual([
      'DeferredToolPlaceholder',
      'mcp__mana__todo_create',
      'mcp__mana__todo_delete',
      'mcp__mana__todo_fail',
    ]);
    expect(first?.lastUserText).toBe('Create a todo called Milk.');
    expect(second?.toolResults).toEqual([
      expect.objectContaining({
        toolUseId: 'toolu_fake_0_0',
        isError: false,
        text: '{"id":"todo-1","title":"Milk"}',
      }),
    ]);
    expect(fake.messageRequests()).toHaveLength(2);

    // The assistant message carries the tool_use block; the user message its result,
    // paired by tool_use_id, with no is_error field when the call succeeded.
    expect(contentBlocks(run, 'assistant')).toEqual([
      {
        type: 'tool_use',
        id: 'toolu_fake_0_0',
        name: 'mcp__mana__todo_create',
        input: { title: 'Milk' },
      },
      { type: 'text', text: 'Added Milk to your list.' },
    ]);
    expect(contentBlocks(run, 'user')).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_fake_0_0',
        content: [{ type: 'text', text: '{"id":"todo-1","title":"Milk"}' }],
      },
    ]);

    // Two API calls at 10 input / 5 output tokens each, priced by the CLI's model table.
    expect(run.result).toMatchObject({
      type: 'result',
      subtype: 'success',
      is_error: false,
      num_turns: 2,
      result: 'Added Milk to your list.',
      stop_reason: 'end_turn',
      terminal_reason: 'completed',
      permission_denials: [],
      usage: { input_tokens: 20, output_tokens: 10 },
    });
    expect(run.result?.total_cost_usd).toBeGreaterThan(0);
    const [modelUsage] = Object.values(run.result?.modelUsage ?? {});
    expect(modelUsage).toMatchObject({ inputTokens: 20, outputTokens: 10 });
    expect(modelUsage?.costUSD).toBe(run.result?.total_cost_usd);
  });

  it('reports failing tools as is_error results and denies tools outside allowedTools', async () => {
    fake.script(
      scriptedTurns([
        { toolUses: [{ name: 'mcp__mana__todo_fail', input: { title: 'x' }, id: 'toolu_fail' }] },
        { toolUses: [{ name: 'mcp__mana__todo_delete', input: { id: 'a' }, id: 'toolu_denied' }] },
        { toolUses: [{ name: 'mcp__mana__todo_create', input: {}, id: 'toolu_invalid' }] },
        { text: 'Gave up.' },
      ]),
    );
    const run = await collect(query({ prompt: 'Try things.', options: options() }));

    expect(run.error).toBeUndefined();
    expect(mcp.created).toEqual([]);
    const results = contentBlocks(run, 'user');
    expect(results).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_fail',
        is_error: true,
        content: 'The todo list is locked',
      },
      {
        type: 'tool_result',
        tool_use_id: 'toolu_denied',
        is_error: true,
        content: expect.stringContaining(
          'Permission to use mcp__mana__todo_delete has been denied',
        ),
      },
      {
        type: 'tool_result',
        tool_use_id: 'toolu_invalid',
        is_error: true,
        content: expect.stringContaining('Input validation error'),
      },
    ]);
    // What the model saw is the same, so a scripted model can react to it.
    const last = fake.messageRequests().at(-1);
    expect(last?.toolResults).toEqual([
      expect.objectContaining({ toolUseId: 'toolu_invalid', isError: true }),
    ]);
    expect(run.messages).toContainEqual(
      expect.objectContaining({
        type: 'system',
        subtype: 'permission_denied',
        tool_name: 'mcp__mana__todo_delete',
        tool_use_id: 'toolu_denied',
      }),
    );
    expect(run.result).toMatchObject({
      subtype: 'success',
      is_error: false,
      num_turns: 4,
      permission_denials: [
        {
          tool_name: 'mcp__mana__todo_delete',
          tool_use_id: 'toolu_denied',
          tool_input: { id: 'a' },
        },
      ],
    });
  });

  it('hides MCP tools named in disallowedTools from the model', async () => {
    const run = await collect(
      query({
        prompt: 'Hi',
        options: { ...options(), disallowedTools: ['mcp__mana__todo_delete'] },
      }),
    );

    expect(run.result).toMatchObject({ subtype: 'success', result: 'OK from the fake model.' });
    expect(run.init?.tools.toSorted()).toEqual(['mcp__mana__todo_create', 'mcp__mana__todo_fail']);
    expect(fake.messageRequests()[0]?.toolNames).not.toContain('mcp__mana__todo_delete');
  });

  it('stops at maxTurns with an error_max_turns result, then throws', async () => {
    fake.script(() => ({
      toolUses: [{ name: 'mcp__mana__todo_create', input: { title: 'Again' } }],
    }));
    const run = await collect(query({ prompt: 'Loop.', options: { ...options(), maxTurns: 2 } }));

    expect(fake.messageRequests()).toHaveLength(2);
    expect(run.result).toMatchObject({
      subtype: 'error_max_turns',
      is_error: true,
      terminal_reason: 'max_turns',
      errors: ['Reached maximum number of turns (2)'],
    });
    expect(String(run.error)).toContain(
      'Claude Code returned an error result: Reached maximum number of turns (2)',
    );
  });

  it('retries a 429 as CLAUDE_CODE_MAX_RETRIES allows, honouring retry-after', async () => {
    fake.script(() => ({ status: 429, retryAfter: 1 }));
    const run = await collect(
      query({ prompt: 'Hi', options: options({ env: { CLAUDE_CODE_MAX_RETRIES: '1' } }) }),
    );

    const [first, second, ...more] = fake.requests.filter((r) => r.kind === 'messages');
    expect(more).toEqual([]);
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(run.messages).toContainEqual(
      expect.objectContaining({
        type: 'system',
        subtype: 'api_retry',
        attempt: 1,
        max_retries: 1,
        error_status: 429,
        error: 'rate_limit',
      }),
    );
    // The failure arrives as a synthetic assistant message and a result that says
    // subtype "success" but is_error true; then the iterator throws.
    expect(run.messages).toContainEqual(
      expect.objectContaining({
        type: 'assistant',
        error: 'rate_limit',
        is_api_error_message: true,
        api_error_status: 429,
      }),
    );
    expect(run.result).toMatchObject({
      subtype: 'success',
      is_error: true,
      terminal_reason: 'api_error',
      api_error_status: 429,
      total_cost_usd: 0,
      result: 'API Error: Request rejected (429) · Fake error 429',
    });
    expect(String(run.error)).toContain('Claude Code returned an error result: API Error');
  });

  it('reports an unreachable MCP server as failed and carries on without its tools', async () => {
    const url = `http://127.0.0.1:${await refusedPort()}/mcp`;
    const q = query({ prompt: 'Create a todo.', options: options({ mcpUrl: url }) });
    let status: Awaited<ReturnType<Query['mcpServerStatus']>> = [];
    const run: AgentRun = { messages: [], init: undefined, result: undefined, error: undefined };
    for await (const message of q) {
      run.messages.push(message);
      if (message.type === 'system' && message.subtype === 'init') {
        run.init = message;
        status = await q.mcpServerStatus();
      }
      if (message.type === 'result') run.result = message;
    }

    expect(run.init?.mcp_servers).toEqual([{ name: 'mana', status: 'failed', source: 'dynamic' }]);
    expect(run.init?.tools).toEqual([]);
    expect(status[0]).toMatchObject({ name: 'mana', status: 'failed' });
    expect(status[0]?.error).toContain('ECONNREFUSED');
    // The model is asked anyway, with no tools at all, and the run "succeeds".
    expect(fake.messageRequests()[0]?.hasTools).toBe(false);
    expect(run.result).toMatchObject({ subtype: 'success', is_error: false });
  });

  it('aborts through abortController: the iterator throws AbortError and the CLI exits', async () => {
    fake.script(() => ({ hang: true }));
    const marker = `FAKE_ANTHROPIC_TEST_RUN=${process.pid}-${Date.now()}`;
    const [name = '', value = ''] = marker.split('=');
    const abortController = new AbortController();
    const q = query({
      prompt: 'Hi',
      options: { ...options({ env: { [name]: value } }), abortController },
    });
    const running = collect(q);
    await expect.poll(() => fake.messageRequests().length, { timeout: 10_000 }).toBe(1);
    if (canListProcesses) expect(pidsWithEnvEntry(marker)).toHaveLength(1);

    const abortedAt = Date.now();
    abortController.abort();
    const run = await running;

    expect(run.error).toBeInstanceOf(AbortError);
    expect(String(run.error)).toContain('Claude Code process aborted by user');
    expect(run.result).toBeUndefined();
    // The SDK gives the CLI 2 s to exit after closing its stdin, then sends SIGTERM.
    expect(Date.now() - abortedAt).toBeLessThan(5_000);
    if (canListProcesses) {
      await expect.poll(() => pidsWithEnvEntry(marker), { timeout: 8_000 }).toEqual([]);
    }
  });
});
