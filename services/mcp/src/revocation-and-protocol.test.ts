import { HEADERS } from '@mana/contracts';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, HARNESS_SERVICE_KEY, startGatewayHarness } from './testing/harness';

interface TextResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

describe('issue 10: protocol refusals (item 9) and revocation on the next call (item 6)', () => {
  let h: GatewayHarness;
  let annaToken: string;

  beforeAll(async () => {
    h = await startGatewayHarness();
    await h.persona('anna');
    await h.persona('ben');
    await h.persona('cleo');
    annaToken = await h.token('anna');
  });
  afterAll(() => h.close());

  const post = (token: string, body: unknown, space?: string) =>
    fetch(h.gateway.mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${token}`,
        ...(space ? { [HEADERS.space]: space } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const rpc = (id: number, method: string, params: unknown) => ({
    jsonrpc: '2.0',
    id,
    method,
    params,
  });
  const todoCount = async (client: Client) => {
    const result = (await client.callTool({
      name: 'todo.list',
      arguments: { limit: 100, status: 'all' },
    })) as TextResult;
    return (result.structuredContent as { todos: unknown[] }).todos.length;
  };

  it('item 9: refuses a JSON-RPC batch with -32600 and runs none of it', async () => {
    const client = await h.connect({ authorization: `Bearer ${annaToken}` });
    const before = await todoCount(client);
    const batch = Array.from({ length: 100 }, (_, i) =>
      rpc(i + 1, 'tools/call', { name: 'todo.create', arguments: { title: `batch ${i}` } }),
    );
    const response = await post(annaToken, batch);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(-32600);
    expect(body.error.message).toMatch(/batches are not supported/);
    expect(await todoCount(client)).toBe(before);
  });

  it('item 9: tools/call without name or with array arguments is -32602 naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ arguments: {} }, /params\.name is required/],
      [{ name: 'todo.create', arguments: ['Milch'] }, /params\.arguments must be an object/],
      [{ name: 42 }, /params\.name is required/],
    ];
    for (const [params, message] of cases) {
      const response = await post(annaToken, rpc(7, 'tools/call', params));
      const body = (await response.json()) as {
        id: number;
        error: { code: number; message: string };
      };
      expect(body, JSON.stringify(params)).toMatchObject({ id: 7, error: { code: -32602 } });
      expect(body.error.message).toMatch(message);
      expect(body.error.message).not.toMatch(/"code":|invalid_type|expected/);
    }
  });

  it('item 9: a body that is not JSON is -32700', async () => {
    const response = await post(annaToken, '{"jsonrpc":');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32700 } });
  });

  it('item 6: a member removed from a space cannot write there on its very next call', async () => {
    const space = await h.sharedSpace('anna-ben', ['anna', 'ben']);
    const benToken = await h.token('ben');
    const create = (title: string) =>
      post(benToken, rpc(1, 'tools/call', { name: 'todo.create', arguments: { title } }), space);
    expect((await create('before removal')).status).toBe(200);
    await h.sharedSpace('anna-ben', ['anna']);
    const after = await create('after removal');
    expect(after.status).toBe(403);
    expect(await after.json()).toMatchObject({ error: { code: 'FORBIDDEN_SPACE' } });
  });

  it('item 6: a deleted account’s token is refused on its very next call', async () => {
    const cleoToken = await h.token('cleo');
    const list = () => post(cleoToken, rpc(1, 'tools/call', { name: 'todo.list', arguments: {} }));
    expect((await list()).status).toBe(200);
    const cleoId = JSON.parse(
      Buffer.from(cleoToken.split('.')[1] as string, 'base64url').toString(),
    ).sub as string;
    const deleted = await fetch(`${h.auth.url}/api/v1/admin/personas/${cleoId}`, {
      method: 'DELETE',
      headers: { [HEADERS.serviceKey]: HARNESS_SERVICE_KEY },
    });
    expect(deleted.ok).toBe(true);
    expect((await list()).status).toBe(401);
  });
});
