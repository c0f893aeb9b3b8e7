// What the gateway tells a client beyond text: a write's declared checks in the tool list,
// and why a call failed on every isError result. Read through the official MCP client.
import { ERROR_KIND_META_KEY, TOOL_CHECKS_META_KEY, type ToolChecks } from '@mana/contracts';
import {
  type AnyToolSpec,
  createAppRegistry,
  defineTool,
  ToolError,
  ToolRegistry,
} from '@mana/tool-registry';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type GatewayHarness, startGatewayHarness } from './testing/harness';
import { buildToolCatalog } from './tool-catalog';

const CREATE_CHECKS: ToolChecks = {
  checks: [
    {
      read: 'todo.list',
      input: { status: 'all', query: '$output.todo.title' },
      find: { list: 'todos', where: { id: '$output.todo.id' } },
      expect: { title: '$output.todo.title', status: 'open' },
    },
  ],
};

/**
 * The app's tools, with `todo.create` declaring its check, `todo.update` why it has none,
 * and `todo.complete` stripped of its declaration (a write that declares nothing).
 */
function registry(): ToolRegistry {
  const declared = (t: AnyToolSpec): AnyToolSpec => {
    if (t.name === 'todo.create') return { ...t, checks: CREATE_CHECKS };
    if (t.name === 'todo.update') return { ...t, checks: { none: 'checked by todo.get' } };
    if (t.name === 'todo.complete') {
      const { checks: _declared, ...bare } = t;
      return bare;
    }
    return t;
  };
  const crash = defineTool({
    name: 'test.crash',
    module: 'test',
    description: 'Always throws.',
    scope: 'user-space',
    policyHint: 'read',
    input: z.object({}),
    output: z.object({ never: z.string() }),
    handler: async () => {
      throw new Error('kaboom');
    },
  });
  const refuse = defineTool({
    name: 'test.refuse',
    module: 'test',
    description: 'Always refuses with a ToolError.',
    scope: 'user-space',
    policyHint: 'write',
    input: z.object({}),
    output: z.object({ never: z.string() }),
    handler: async () => {
      throw new ToolError('INVALID_STATE', 'Nothing to refuse in this state');
    },
  });
  const lies = defineTool({
    name: 'test.lies',
    module: 'test',
    description: 'Answers output that breaks its schema.',
    scope: 'user-space',
    policyHint: 'read',
    input: z.object({}),
    output: z.object({ count: z.number() }),
    handler: async () => ({ count: 'many' }) as unknown as { count: number },
  });
  return new ToolRegistry([...createAppRegistry().list().map(declared), crash, refuse, lies]);
}

interface Failed {
  isError?: boolean;
  content: { type: string; text: string }[];
  _meta?: Record<string, unknown>;
}

describe('gateway _meta', () => {
  let h: GatewayHarness;
  let client: Client;

  beforeAll(async () => {
    h = await startGatewayHarness({ registry: registry() });
    await h.persona('meta');
    client = await h.connect({ authorization: `Bearer ${await h.token('meta')}` });
  });
  afterAll(() => h.close());

  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as Failed;

  it('lists a write’s declared checks (defaults filled in), and no _meta for tools without', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('todo.create')?._meta?.[TOOL_CHECKS_META_KEY]).toEqual(CREATE_CHECKS);
    expect(byName.get('todo.update')?._meta?.[TOOL_CHECKS_META_KEY]).toEqual({
      none: 'checked by todo.get',
    });
    expect(byName.get('todo.list')?._meta).toBeUndefined();
    expect(byName.get('todo.complete')?._meta).toBeUndefined();
  });

  it('fills in a check’s default input when the declaration leaves it out', () => {
    const todo = createAppRegistry().get('todo.create') as AnyToolSpec;
    const bare = { read: 'todo.list', find: { item: 'todo' } };
    const catalog = buildToolCatalog(
      new ToolRegistry([{ ...todo, checks: { checks: [bare] } as unknown as ToolChecks }]),
    );
    expect(catalog.tools[0]?._meta?.[TOOL_CHECKS_META_KEY]).toEqual({
      checks: [{ ...bare, input: {} }],
    });
  });

  it('refuses at start-up a declaration that breaks the wire, naming the tool', () => {
    const todo = createAppRegistry().get('todo.create') as AnyToolSpec;
    const bad = { ...todo, checks: { checks: [{ read: 'todo.list' }] } as unknown as ToolChecks };
    expect(() => buildToolCatalog(new ToolRegistry([bad]))).toThrow(
      /todo\.create declares malformed checks: checks\.0\.find/,
    );
  });

  it('marks refused input and ToolErrors invalid_input, crashes and broken outputs app_error', async () => {
    const invalid = await call('todo.create', { title: '' });
    expect(invalid.isError).toBe(true);
    expect(invalid.content[0]?.text).toMatch(/^Invalid input for todo\.create: title/);
    expect(invalid._meta).toEqual({ [ERROR_KIND_META_KEY]: 'invalid_input' });

    const missing = await call('todo.complete', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.content[0]?.text).toBe(
      'No todo with id 00000000-0000-4000-8000-000000000000 in this space',
    );
    expect(missing._meta).toEqual({ [ERROR_KIND_META_KEY]: 'invalid_input' });

    const refused = await call('test.refuse');
    expect(refused.content[0]?.text).toBe('Nothing to refuse in this state');
    expect(refused._meta).toEqual({ [ERROR_KIND_META_KEY]: 'invalid_input' });

    const crashed = await call('test.crash');
    expect(crashed.content[0]?.text).toMatch(/^test\.crash failed unexpectedly\. The error was/);
    expect(crashed.content[0]?.text).not.toContain('kaboom');
    expect(crashed._meta).toEqual({ [ERROR_KIND_META_KEY]: 'app_error' });

    const lying = await call('test.lies');
    expect(lying.content[0]?.text).toMatch(/does not match its schema/);
    expect(lying._meta).toEqual({ [ERROR_KIND_META_KEY]: 'app_error' });
  });

  it('sends no error kind on a successful call', async () => {
    const ok = (await client.callTool({ name: 'todo.list', arguments: {} })) as Failed;
    expect(ok.isError).toBeFalsy();
    expect(ok._meta).toBeUndefined();
  });
});
