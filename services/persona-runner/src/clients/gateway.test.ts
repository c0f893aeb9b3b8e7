// The runner's MCP client against the real gateway, and against a bare third-party MCP
// server on loopback that misbehaves on purpose: every failed call comes back with a kind.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { TOOL_CHECKS_META_KEY, type ToolChecks } from '@mana/contracts';
import { type AnyToolSpec, appTools, defineTool, ToolRegistry } from '@mana/tool-registry';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestStack, type TestStack } from '../testing/stack-harness';
import { connectGateway, type GatewaySession, lazyOutputValidation } from './gateway';

const CHECKS: ToolChecks = {
  checks: [
    {
      read: 'todo.list',
      input: { status: 'all' },
      find: { list: 'todos', where: { id: '$output.todo.id' } },
      expect: { title: '$output.todo.title' },
    },
  ],
};

const crash = defineTool({
  name: 'todo.crash',
  module: 'todo',
  description: 'Always throws.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({}),
  output: z.object({ never: z.string() }),
  handler: async () => {
    throw new Error('kaboom');
  },
});

/** The app, with todo.create declaring a check, and a tool that crashes. */
function registry(): ToolRegistry {
  const declared = (t: AnyToolSpec): AnyToolSpec =>
    t.name === 'todo.create' ? { ...t, checks: CHECKS } : t;
  return new ToolRegistry([...appTools.map(declared), crash]);
}

type Reply = (res: ServerResponse, id: unknown) => void;

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

const result = (res: ServerResponse, id: unknown, value: unknown) =>
  json(res, 200, { jsonrpc: '2.0', id, result: value });

/** How the third-party server answers each tool. */
const THIRD_PARTY: Record<string, Reply> = {
  'plain.refuse': (res, id) =>
    result(res, id, { isError: true, content: [{ type: 'text', text: 'title is required' }] }),
  'plain.crash': (res, id) =>
    result(res, id, { isError: true, content: [{ type: 'text', text: 'Internal error' }] }),
  'plain.meta': (res, id) =>
    result(res, id, {
      isError: true,
      content: [{ type: 'text', text: 'title is required' }],
      _meta: { 'mana/errorKind': 'app_error' },
    }),
  'plain.bad_params': (res, id) =>
    json(res, 200, { jsonrpc: '2.0', id, error: { code: -32602, message: 'no such tool' } }),
  'plain.http502': (res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway'),
  'plain.garbage': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"jsonrpc": "2.0", "res'),
  'plain.html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hi</h1>'),
  'plain.hang': () => {},
  'plain.reset': (res) => res.socket?.destroy(),
};

const listed = (name: string, meta?: Record<string, unknown>) => ({
  name,
  inputSchema: { type: 'object' },
  ...(meta ? { _meta: meta } : {}),
});

/** The third party's tool list: one valid declaration, two that are not. */
const LISTED = [
  listed('plain.good', { [TOOL_CHECKS_META_KEY]: CHECKS }),
  listed('plain.empty', { [TOOL_CHECKS_META_KEY]: { checks: [] } }),
  listed('plain.odd', { [TOOL_CHECKS_META_KEY]: { checks: [{ read: 'x', find: {} }] } }),
  listed('plain.none'),
];

/** A JSON-RPC message answered the way a small third-party MCP server would. */
function answer(
  res: ServerResponse,
  message: { id?: unknown; method?: string; params?: { name?: string } },
) {
  if (message.id === undefined) {
    res.writeHead(202).end();
  } else if (message.method === 'initialize') {
    result(res, message.id, {
      protocolVersion: LATEST_PROTOCOL_VERSION,
      capabilities: { tools: {} },
      serverInfo: { name: 'third-party', version: '1.0.0' },
    });
  } else if (message.method === 'tools/list') {
    result(res, message.id, { tools: LISTED });
  } else {
    const reply = THIRD_PARTY[message.params?.name ?? ''];
    if (reply) reply(res, message.id);
    else json(res, 200, { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: '?' } });
  }
}

async function startThirdParty() {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => answer(res, JSON.parse(body || '{}')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('gateway client', () => {
  let stack: TestStack;
  let thirdParty: Awaited<ReturnType<typeof startThirdParty>>;
  let app: GatewaySession;
  let plain: GatewaySession;

  beforeAll(async () => {
    [stack, thirdParty] = await Promise.all([
      startTestStack({ registry: registry() }),
      startThirdParty(),
    ]);
    const { day } = await stack.day('maya');
    app = await connectGateway(day.gateway);
    plain = await connectGateway({ url: thirdParty.url, headers: {}, callTimeoutMs: 300 });
  });

  afterAll(async () => {
    await Promise.allSettled([app?.close(), plain?.close()]);
    await Promise.all([stack?.close(), thirdParty?.close()]);
  });

  it('lists a tool’s declared checks, and none for tools that declare none', async () => {
    const tools = new Map((await app.listTools()).map((t) => [t.name, t]));
    expect(tools.get('todo.create')?.checks).toEqual(CHECKS);
    expect(tools.get('todo.list')?.checks).toBeUndefined();
    expect(tools.get('todo.create')).toMatchObject({ module: 'todo', readOnly: false });
  });

  it('ignores a malformed declaration from a server, keeping the tool', async () => {
    const tools = new Map((await plain.listTools()).map((t) => [t.name, t]));
    expect([...tools.keys()]).toEqual(['plain.good', 'plain.empty', 'plain.odd', 'plain.none']);
    expect(tools.get('plain.good')?.checks).toEqual(CHECKS);
    expect(tools.get('plain.empty')?.checks).toBeUndefined();
    expect(tools.get('plain.odd')?.checks).toBeUndefined();
    expect(tools.get('plain.none')?.checks).toBeUndefined();
  });

  it('takes the gateway’s kind: refused input and unknown ids are invalid_input, a crash app_error', async () => {
    await app.listTools();
    expect(await app.callTool('todo.create', { title: '' })).toMatchObject({
      ok: false,
      errorKind: 'invalid_input',
      errorMessage: expect.stringMatching(/^Invalid input for todo\.create: title/),
    });
    expect(
      await app.callTool('todo.complete', { id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, errorKind: 'invalid_input' });
    expect(await app.callTool('todo.crash', {})).toMatchObject({
      ok: false,
      errorKind: 'app_error',
      errorMessage: expect.stringContaining('failed unexpectedly'),
    });
    // Not offered to this persona: a JSON-RPC InvalidParams error.
    expect(await app.callTool('invoices.send', {})).toMatchObject({
      ok: false,
      errorKind: 'invalid_input',
      errorMessage: expect.stringContaining('Unknown tool: invoices.send'),
    });
    const ok = await app.callTool('todo.create', { title: 'Milk' });
    expect(ok).toMatchObject({ ok: true, output: { todo: { title: 'Milk' } } });
    expect(ok.errorKind).toBeUndefined();
  });

  it('classifies a server without hints by its answers', async () => {
    const kinds = Object.fromEntries(
      await Promise.all(
        Object.keys(THIRD_PARTY).map(async (name) => {
          const answer = await plain.callTool(name, {});
          expect(answer.ok, name).toBe(false);
          expect(answer.errorMessage?.length, name).toBeGreaterThan(0);
          return [name, answer.errorKind] as const;
        }),
      ),
    );
    expect(kinds).toEqual({
      'plain.refuse': 'invalid_input',
      'plain.crash': 'app_error',
      'plain.meta': 'app_error',
      'plain.bad_params': 'invalid_input',
      'plain.http502': 'transport',
      'plain.garbage': 'transport',
      'plain.html': 'transport',
      'plain.hang': 'timeout',
      'plain.reset': 'transport',
    });
  });

  it('answers transport when the gateway goes away mid-day', async () => {
    const server = await startThirdParty();
    const session = await connectGateway({ url: server.url, headers: {} });
    await server.close();
    expect(await session.callTool('plain.refuse', {})).toMatchObject({
      ok: false,
      errorKind: 'transport',
    });
    await session.close();
  });

  it('throws at once, rather than answering, when the day is aborted mid-call', async () => {
    // Regression: the transport ignores requestInit.signal for its POSTs, so an aborted day
    // used to wait for the hanging call's deadline.
    const controller = new AbortController();
    const session = await connectGateway(
      { url: thirdParty.url, headers: {}, callTimeoutMs: 5_000 },
      controller.signal,
    );
    const started = Date.now();
    const call = session.callTool('plain.hang', {});
    setTimeout(() => controller.abort(new Error('tick timed out')), 50);
    await expect(call).rejects.toThrow(/tick timed out/);
    expect(Date.now() - started).toBeLessThan(2_000);
    await session.close().catch(() => undefined);
  });
});

describe('output validation', () => {
  it('compiles one validator per schema, shared by validations that list the same tool', () => {
    const ajv = new AjvJsonSchemaValidator();
    let compiles = 0;
    const counting = Object.assign(Object.create(ajv), {
      getValidator: (schema: Parameters<typeof ajv.getValidator>[0]) => {
        compiles += 1;
        return ajv.getValidator(schema);
      },
    }) as AjvJsonSchemaValidator;
    const shared = new Map();
    const schema = () => ({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    const first = lazyOutputValidation(counting, shared);
    const second = lazyOutputValidation(counting, shared);
    first.schemas.set('todo.get', schema());
    second.schemas.set('todo.get', schema());
    second.schemas.set('note.get', { type: 'object', required: ['title'] });

    expect(first.problem('todo.get', { id: 'a' })).toBeUndefined();
    expect(second.problem('todo.get', { id: 1 })).toMatch(/string/);
    expect(second.problem('todo.get', {})).toMatch(/id/);
    expect(second.problem('note.get', {})).toMatch(/title/);
    expect(first.problem('unknown.tool', {})).toBeUndefined();
    expect(compiles).toBe(2);
  });
});
