// Issue 11 item 4: persona-days reuse what the runner already has. With the service key a
// persona's days mint one token and read no spaces (the claim carries them); by password,
// two days of one persona log in once; a token the identity service refuses is replaced by one more login; the
// days of a module set share one MCP client (one initialize, one tools/list), while each
// request still carries its own day's token and space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STACK_SEED_SECRET,
  STACK_SERVICE_KEY,
  startTestStack,
  type TestStack,
} from '../testing/stack-harness';
import { connectGateway, GatewayRefusedError, gatewayHeaders } from './gateway';
import { GatewayConnections } from './gateway-connections';
import { IdentityClient } from './identity';

/** A fetch that counts logins and, when told, hands out a token the service will refuse. */
function countingFetch() {
  const seen = { logins: 0, mints: 0, spaceReads: 0, tamperNext: false, methods: [] as string[] };
  const counted: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (typeof init?.body === 'string' && init.body.startsWith('{"')) {
      const method = (JSON.parse(init.body) as { method?: string }).method;
      if (method) seen.methods.push(method);
    }
    const response = await fetch(input, init);
    if (url.endsWith('/token')) seen.mints += 1;
    if (url.endsWith('/api/v1/me/spaces')) seen.spaceReads += 1;
    if (!url.endsWith('/api/v1/auth/login')) return response;
    seen.logins += 1;
    if (!seen.tamperNext) return response;
    seen.tamperNext = false;
    const body = (await response.json()) as { accessToken: string };
    // A flipped signature: well-formed, but no key of the identity service signed it.
    const [header, payload] = body.accessToken.split('.');
    return Response.json({ ...body, accessToken: `${header}.${payload}.${'A'.repeat(86)}` });
  };
  return { seen, fetch: counted };
}

describe('issue 11 item 4: reuse across persona-days', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.close());

  const identity = (fetch: typeof globalThis.fetch) =>
    new IdentityClient({ authUrl: stack.auth.url, seedSecret: STACK_SEED_SECRET, fetch });

  it('with the service key, days mint one token, log in never and read no spaces', async () => {
    const counting = countingFetch();
    const client = new IdentityClient({
      authUrl: stack.auth.url,
      seedSecret: STACK_SEED_SECRET,
      serviceKey: STACK_SERVICE_KEY,
      fetch: counting.fetch,
    });
    const email = stack.persona('maya').email;
    const { accessToken, user } = await stack.login(email);
    const claimed = { userId: user.id, email, spaces: await stack.spacesOf(accessToken) };
    const first = await client.session(claimed);
    const second = await client.session(claimed);
    expect(counting.seen).toMatchObject({ mints: 1, logins: 0, spaceReads: 0 });
    expect(second.token).toBe(first.token);
    expect(second.spaces).toBe(claimed.spaces);
    const personal = claimed.spaces.find((s) => s.type === 'personal');
    if (!personal) throw new Error('maya has no personal space');
    // The minted token acts as the persona at the gateway.
    const session = await connectGateway({
      url: stack.mcp.mcpUrl,
      headers: gatewayHeaders(first.token, personal.id, ['todo']),
    });
    expect((await session.callTool('todo.list', { status: 'all', limit: 1 })).ok).toBe(true);
    await session.close();
    // A day that failed forgets the token; the next one mints a fresh one.
    client.forget(claimed);
    await client.session(claimed);
    expect(counting.seen.mints).toBe(2);
    // Without spaces from a claim, they are read with the token.
    await client.session({ userId: user.id, email });
    expect(counting.seen.spaceReads).toBe(1);
  });

  it('two days of one persona log in once', async () => {
    const counting = countingFetch();
    const client = identity(counting.fetch);
    const email = stack.persona('maya').email;
    const first = await client.passwordSession(email);
    const second = await client.passwordSession(email);
    expect(counting.seen.logins).toBe(1);
    expect(second.token).toBe(first.token);
    expect(second.spaces.some((s) => s.type === 'personal')).toBe(true);
  });

  it('a cached token the identity service refuses is replaced by one more login', async () => {
    const counting = countingFetch();
    const client = identity(counting.fetch);
    const email = stack.persona('maya').email;
    counting.seen.tamperNext = true;
    await client.login(email);
    const day = await client.passwordSession(email);
    expect(counting.seen.logins).toBe(2);
    expect(day.spaces.length).toBeGreaterThan(0);
    await client.passwordSession(email);
    expect(counting.seen.logins).toBe(2);
  });

  it('days of one module set share one client and tool list; each call acts as its own day', async () => {
    const counting = countingFetch();
    const connections = new GatewayConnections({ fetch: counting.fetch });
    try {
      // Two personas with the same modules, each in its own personal space.
      const modules = ['todo', 'journal'];
      const days = [];
      for (const email of [stack.persona('maya').email, stack.catalog.personas[1]?.email ?? '']) {
        const { accessToken } = await stack.login(email);
        const spaces = await stack.spacesOf(accessToken);
        const personal = spaces.find((s) => s.type === 'personal');
        if (!personal) throw new Error(`${email} has no personal space`);
        days.push({
          token: accessToken,
          access: {
            url: stack.mcp.mcpUrl,
            headers: gatewayHeaders(accessToken, personal.id, modules),
            connections,
          },
        });
      }
      const titles = ['day one of the first persona', 'day two, the second persona'];
      for (const [i, day] of days.entries()) {
        const session = await connectGateway(day.access);
        const tools = await session.listTools();
        expect(tools.length).toBeGreaterThan(0);
        const created = await session.callTool('todo.create', { title: titles[i] });
        expect(created.ok).toBe(true);
        await session.close();
      }
      expect(connections.size).toBe(1);
      const count = (method: string) => counting.seen.methods.filter((m) => m === method).length;
      expect(count('initialize')).toBe(1);
      expect(count('tools/list')).toBe(1);

      // Each persona sees only its own day's todo: the calls carried each day's token.
      for (const [i, day] of days.entries()) {
        const session = await connectGateway(day.access);
        const listed = await session.callTool('todo.list', { status: 'all', limit: 100 });
        const seen = (listed.output as { todos: { title: string }[] }).todos.map((t) => t.title);
        expect(seen).toContain(titles[i]);
        expect(seen).not.toContain(titles[1 - i]);
      }

      // No ping per day: the first request is the check. A refused token is the day's
      // failure (GatewayRefusedError, and the day is told), never a failed call.
      expect(count('ping')).toBe(0);
      const refusals: Error[] = [];
      const refused = await connectGateway({
        ...days[0]?.access,
        url: stack.mcp.mcpUrl,
        headers: { ...days[0]?.access.headers, authorization: 'Bearer not-a-token' },
        connections,
        refused: (error) => refusals.push(error),
      });
      const call = refused.callTool('todo.list', { status: 'all', limit: 1 });
      await expect(call).rejects.toBeInstanceOf(GatewayRefusedError);
      await expect(call).rejects.toThrow(/INVALID_TOKEN/);
      expect(refusals).toHaveLength(1);
    } finally {
      await connections.close();
    }
  });
});
