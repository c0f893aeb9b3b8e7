import { jwks as jwksTable, organizations } from '@mana/db';
import { createAppRegistry, defineTool, ToolRegistry } from '@mana/tool-registry';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { eq } from 'drizzle-orm';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type GatewayHarness, startGatewayHarness } from './testing/harness';

const boom = defineTool({
  name: 'test.boom',
  module: 'test',
  description: 'Always throws, to prove a crash is contained.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({}),
  output: z.object({ never: z.string() }),
  handler: async () => {
    throw new Error('kaboom at /srv/secret/path.ts:42');
  },
});

interface TextResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

describe('MCP gateway over Streamable HTTP', () => {
  let h: GatewayHarness;
  let annaToken: string;
  let benToken: string;
  let familyId: string;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    h = await startGatewayHarness({
      registry: new ToolRegistry([...createAppRegistry().list(), boom]),
      logLines,
    });
    await h.persona('anna');
    await h.persona('ben');
    await h.persona('maya');
    familyId = await h.sharedSpace('anna-ben', ['anna', 'ben']);
    annaToken = await h.token('anna');
    benToken = await h.token('ben');
  });
  afterAll(() => h.close());

  const bearer = (token: string, space?: string): Record<string, string> => ({
    authorization: `Bearer ${token}`,
    ...(space ? { 'x-mana-space': space } : {}),
  });
  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as TextResult;
  const rawPost = (headers: Record<string, string>) =>
    fetch(h.gateway.mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });

  it('lists exactly the registry’s exposed tools, with annotations and schemas', async () => {
    const client = await h.connect(bearer(annaToken));
    const { tools } = await client.listTools();
    const registry = createAppRegistry();
    expect(tools.map((t) => t.name).sort()).toEqual(
      [...registry.exposed().map((t) => t.name), 'test.boom'].sort(),
    );
    const list = tools.find((t) => t.name === 'todo.list');
    expect(list?.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tools.find((t) => t.name === 'todo.create')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    expect(list?.inputSchema.type).toBe('object');
    expect(list?.outputSchema?.type).toBe('object');
  });

  it('never lists nor runs destructive tools', async () => {
    const client = await h.connect(bearer(annaToken));
    const names = (await client.listTools()).tools.map((t) => t.name);
    const destructive = createAppRegistry()
      .list()
      .filter((t) => t.policyHint === 'destructive')
      .map((t) => t.name);
    expect(destructive.length).toBeGreaterThan(0);
    for (const name of destructive) expect(names).not.toContain(name);
    const { todo } = (await call(client, 'todo.create', { title: 'keep me' }))
      .structuredContent as { todo: { id: string } };
    await expect(
      client.callTool({ name: 'todo.delete', arguments: { id: todo.id } }),
    ).rejects.toThrow(/Unknown tool: todo.delete/);
    const listed = (await call(client, 'todo.list', {})).structuredContent as {
      todos: { id: string }[];
    };
    expect(listed.todos.map((t) => t.id)).toContain(todo.id);
  });

  it('acts in the personal space by default and in a shared space when asked', async () => {
    const anna = await h.connect(bearer(annaToken));
    const ben = await h.connect(bearer(benToken));
    const benFamily = await h.connect(bearer(benToken, familyId));
    const annaFamily = await h.connect(bearer(annaToken, familyId));

    await call(ben, 'todo.create', { title: 'Ben privat' });
    const shared = await call(benFamily, 'todo.create', { title: 'Einkaufen: Milch' });
    expect(shared.isError).toBeFalsy();

    const titles = async (client: Client) =>
      (
        (await call(client, 'todo.list', { status: 'all' })).structuredContent as {
          todos: { title: string }[];
        }
      ).todos.map((t) => t.title);
    expect(await titles(annaFamily)).toEqual(['Einkaufen: Milch']);
    expect(await titles(anna)).not.toContain('Ben privat');
    expect(await titles(anna)).not.toContain('Einkaufen: Milch');
    expect(await titles(ben)).toEqual(['Ben privat']);
  });

  it('refuses a space the caller is not a member of with 403', async () => {
    const maya = await h.token('maya');
    const response = await rawPost(bearer(maya, familyId));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'FORBIDDEN_SPACE',
    );
    const [annaPersonal] = await h.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.name, 'anna'));
    expect((await rawPost(bearer(maya, annaPersonal?.id ?? 'x'))).status).toBe(403);
    expect((await rawPost(bearer(maya, 'no-such-space'))).status).toBe(403);
    await expect(h.connect(bearer(maya, familyId))).rejects.toThrow();
  });

  describe('401 for bad tokens', () => {
    const claims = async () => {
      const payload = JSON.parse(
        Buffer.from(annaToken.split('.')[1] as string, 'base64url').toString(),
      ) as Record<string, unknown>;
      return payload;
    };

    it('without a token', async () => {
      const response = await rawPost({});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      await expect(h.connect({})).rejects.toThrow();
    });

    it('with a forged signature (a key that is not the identity service’s)', async () => {
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const c = await claims();
      const header = JSON.parse(
        Buffer.from(annaToken.split('.')[0] as string, 'base64url').toString(),
      ) as { kid: string };
      const forged = await new SignJWT(c)
        .setProtectedHeader({ alg: 'EdDSA', kid: header.kid })
        .sign(privateKey);
      expect((await rawPost(bearer(forged))).status).toBe(401);
    });

    it('with alg none', async () => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc(await claims())}.`;
      expect((await rawPost(bearer(unsigned))).status).toBe(401);
    });

    it('with an expired token signed by the right key', async () => {
      const c = await claims();
      const now = Math.floor(Date.now() / 1000);
      const { token } = await h.auth.auth.api.signJWT({
        body: { payload: { ...c, iat: now - 7200, exp: now - 10 } },
      });
      expect((await rawPost(bearer(token))).status).toBe(401);
      const { token: fresh } = await h.auth.auth.api.signJWT({
        body: { payload: { ...c, iat: now, exp: now + 600 } },
      });
      expect((await rawPost(bearer(fresh))).status).toBe(200);
    });
  });

  it('picks up a rotated signing key, and still accepts tokens of the previous one', async () => {
    // Expiring the current key makes the identity service mint a new one (new kid) on
    // the next login; the old key stays published for its grace period.
    await h.db.update(jwksTable).set({ expiresAt: new Date(Date.now() - 60_000) });
    const rotated = await h.token('anna');
    expect(rotated.split('.')[0]).not.toBe(annaToken.split('.')[0]);
    const client = await h.connect(bearer(rotated));
    expect((await call(client, 'todo.list', {})).isError).toBeFalsy();
    const old = await h.connect(bearer(annaToken));
    expect((await call(old, 'todo.list', {})).isError).toBeFalsy();
  });

  it('bad input is an isError result naming the fields', async () => {
    const client = await h.connect(bearer(annaToken));
    const result = await call(client, 'todo.create', { title: '', dueOn: 'someday' });
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/title/);
    expect(result.content[0]?.text).toMatch(/dueOn/);
  });

  it('a throwing handler gives isError without a stack, and the server keeps serving', async () => {
    const client = await h.connect(bearer(annaToken));
    const result = await call(client, 'test.boom');
    expect(result.isError).toBe(true);
    expect(result.content[0]?.text).toMatch(/test\.boom failed unexpectedly/);
    expect(JSON.stringify(result)).not.toMatch(/kaboom|secret/);
    expect((await call(client, 'todo.list', {})).isError).toBeFalsy();
    const health = await fetch(`${h.gateway.url}/health`);
    expect(await health.json()).toMatchObject({ ok: true });
  });

  it('logs one structured line per call and counts calls in /metrics', async () => {
    const client = await h.connect(bearer(annaToken));
    logLines.length = 0;
    await call(client, 'todo.list', { limit: 5 });
    const lines = logLines.filter((l) => l.msg === 'tool call' || l.msg === 'tool call failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      tool: 'todo.list',
      kind: 'persona',
      result: 'ok',
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(Object.keys(lines[0] ?? {})).toEqual(
      expect.arrayContaining(['userId', 'spaceId', 'latencyMs']),
    );
    const metrics = await (await fetch(`${h.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/mcp_tool_calls_total\{tool="todo\.list",result="ok"\} \d+/);
    expect(metrics).toMatch(/mcp_tool_calls_total\{tool="test\.boom",result="internal"\} 1/);
    expect(metrics).toMatch(
      /mcp_tool_call_duration_seconds_bucket\{le="0\.1",tool="todo\.list",result="ok"\}/,
    );
    expect(metrics).toMatch(/mcp_requests_rejected_total\{reason="unauthenticated"\} \d+/);
  });

  it('X-Mana-Modules narrows what a connection lists and may call', async () => {
    const client = await h.connect({ ...bearer(annaToken), 'x-mana-modules': 'todo' });
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.startsWith('todo.'))).toBe(true);
    await expect(client.callTool({ name: 'test.boom', arguments: {} })).rejects.toThrow(
      /Unknown tool: test.boom/,
    );
    expect((await call(client, 'todo.list', {})).isError).toBeFalsy();
  });

  describe('bodies over 1 MB', () => {
    const MB = 1024 * 1024;
    // A tools/call whose serialized body is exactly `size` bytes (padding in params._meta).
    const callOfSize = (size: number) => {
      const shell = JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'tools/call',
        params: { name: 'todo.list', arguments: {}, _meta: { pad: '' } },
      });
      return shell.replace('"pad":""', `"pad":"${'x'.repeat(size - shell.length)}"`);
    };
    const post = (body: BodyInit, extra: RequestInit = {}) =>
      fetch(h.gateway.mcpUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-06-18',
          ...bearer(annaToken),
        },
        body,
        ...extra,
      });

    it('runs a call of exactly 1 MB', async () => {
      const response = await post(callOfSize(MB));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { id: number }).id).toBe(7);
    });

    it('refuses one byte more with 413 PAYLOAD_TOO_LARGE, from its Content-Length', async () => {
      const response = await post(callOfSize(MB + 1));
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
    });

    it('refuses a chunked body (no Content-Length) as it streams past 1 MB', async () => {
      const bytes = new TextEncoder().encode(callOfSize(MB + 1));
      const chunk = 64 * 1024;
      let at = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(at, at + chunk));
          at += chunk;
        },
      });
      // @ts-expect-error Node's fetch needs duplex for a stream body
      const response = await post(stream, { duplex: 'half' });
      expect(response.status).toBe(413);
    });
  });

  it('answers GET /mcp with 405: the server is stateless', async () => {
    const response = await fetch(h.gateway.mcpUrl, { headers: bearer(annaToken) });
    expect(response.status).toBe(405);
  });
});

describe('fault drill through the gateway', () => {
  let h: GatewayHarness;
  beforeAll(async () => {
    h = await startGatewayHarness({ serviceKey: 'drill-key' });
    await h.persona('drill');
  });
  afterAll(() => h.close());

  const admin = (method: string, key: string, body?: unknown) =>
    fetch(`${h.gateway.url}/admin/faults`, {
      method,
      headers: { 'x-service-key': key, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('switches a module to failing at run time and back, behind the service key', async () => {
    const client = await h.connect({ authorization: `Bearer ${await h.token('drill')}` });
    expect((await admin('GET', 'wrong')).status).toBe(401);
    expect(await (await admin('GET', 'drill-key')).json()).toEqual({ faults: '', active: [] });
    const set = await admin('PUT', 'drill-key', { faults: 'todo:errors=1' });
    expect(await set.json()).toMatchObject({ faults: 'todo:errors=1,latency=0' });
    const failing = (await client.callTool({ name: 'todo.list', arguments: {} })) as {
      isError?: boolean;
      content: { text: string }[];
    };
    expect(failing.isError).toBe(true);
    expect(failing.content[0]?.text).toMatch(/todo\.list failed unexpectedly/);
    expect((await client.callTool({ name: 'notes.list', arguments: {} })).isError).toBeFalsy();
    expect((await admin('PUT', 'drill-key', { faults: 'todo:errors=7' })).status).toBe(400);
    await admin('PUT', 'drill-key', { faults: '' });
    expect((await client.callTool({ name: 'todo.list', arguments: {} })).isError).toBeFalsy();
  });
});
