import { HEADERS } from '@mana/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayHarness, startGatewayHarness } from './testing/harness';

// The /mcp answer's headers are set on the SDK's own response (mcpCors after the handler,
// the request id and space in the route), not merged in by Hono: every kind of answer
// must still carry them.
describe('/mcp response headers: CORS, request id, space', () => {
  let h: GatewayHarness;
  let token: string;
  let familyId: string;

  beforeAll(async () => {
    h = await startGatewayHarness();
    await h.persona('anna');
    await h.persona('ben');
    familyId = await h.sharedSpace('anna-ben', ['anna', 'ben']);
    token = await h.token('anna');
  });
  afterAll(() => h.close());

  const post = (headers: Record<string, string>, body: unknown) =>
    fetch(h.gateway.mcpUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        origin: 'http://localhost:6274',
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const toolCall = {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'todo.list', arguments: {} },
  };
  const expectCors = (response: Response) => {
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      `www-authenticate,${HEADERS.space}`,
    );
  };

  it('a tool call: CORS, the request id it was sent and the space it acted in', async () => {
    const response = await post(
      { authorization: `Bearer ${token}`, [HEADERS.space]: familyId, 'x-request-id': 'req-42' },
      toolCall,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()) as { result?: unknown }).toHaveProperty('result');
    expectCors(response);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(response.headers.get(HEADERS.space)).toBe(familyId);
  });

  it('a notification (202), the personal space and a generated request id', async () => {
    const response = await post(
      { authorization: `Bearer ${token}` },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
    );
    expect(response.status).toBe(202);
    expectCors(response);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get(HEADERS.space)).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get(HEADERS.space)).not.toBe(familyId);
  });

  it('a refused body (-32600 batch) and a 401 keep CORS and the request id', async () => {
    const batch = await post({ authorization: `Bearer ${token}`, 'x-request-id': 'req-batch' }, [
      toolCall,
    ]);
    expect(batch.status).toBe(400);
    expectCors(batch);
    expect(batch.headers.get('x-request-id')).toBe('req-batch');

    const anonymous = await post({ 'x-request-id': 'req-401' }, toolCall);
    expect(anonymous.status).toBe(401);
    expectCors(anonymous);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer realm="mana"/);
    expect(anonymous.headers.get('x-request-id')).toBe('req-401');
  });

  it('answers a preflight with the methods and headers a browser client may send', async () => {
    const response = await fetch(h.gateway.mcpUrl, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:6274',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST,GET,DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      `authorization,content-type,accept,mcp-protocol-version,${HEADERS.space},${HEADERS.modules}`,
    );
  });
});
