// An HTTP target's server that goes away mid-day fails the day (its URL and the cause in
// the message), the call it cut off answers at once instead of at its deadline, and the
// next day's session connects afresh once the server is back.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHttpMcpServer, type TestHttpMcpServer } from '../testing/http-mcp-server';
import { createRunnerTarget } from './runner-target';

const persona = { email: 'nora.http@personas.mana.test' };
/** Far beyond what a call to a dead loopback server takes: a hang would show. */
const CALL_TIMEOUT_MS = 20_000;

let server: TestHttpMcpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function dayOf(url: string) {
  const target = createRunnerTarget({
    name: 'notes-http',
    server: { kind: 'http', url },
    moduleOf: (tool) => tool.split('.')[0],
  });
  return target.gateway({ persona, token: '', callTimeoutMs: CALL_TIMEOUT_MS });
}

async function open(access: ReturnType<typeof dayOf>) {
  if (!access.connect) throw new Error('a target connects on its own');
  return access.connect();
}

describe('an HTTP target whose server goes away mid-day', () => {
  for (const streamFirst of [false, true]) {
    it(`fails the day when killed in a call${streamFirst ? ' whose answer stream is open' : ''}`, async () => {
      server = await startTestHttpMcpServer({
        streamFirst,
        onCall: (call, s) => (call === 2 ? s.kill() : undefined),
      });
      const access = dayOf(server.url);
      const session = await open(access);
      const one = await session.callTool('notes.add', { text: 'one' });
      expect(one, one.errorMessage).toMatchObject({ ok: true });
      expect(access.failure?.()).toBeUndefined();

      const started = performance.now();
      const cut = await session.callTool('notes.add', { text: 'two' });
      expect(performance.now() - started).toBeLessThan(CALL_TIMEOUT_MS / 4);
      expect(cut).toMatchObject({ ok: false, errorKind: 'transport' });
      const failure = access.failure?.();
      expect(failure?.message).toContain(
        `the MCP server at ${server.url} stopped answering mid-day`,
      );
      expect(failure?.message).toMatch(/ECONNRESET|UND_ERR_SOCKET|other side closed/);
      expect(cut.errorMessage).toBe(failure?.message);
      // Later calls of the day fail with the same error (the brain's turn ends).
      await expect(session.callTool('notes.add', { text: 'three' })).rejects.toBe(failure);
      await session.close();
    });
  }

  it('fails the day at once when its connections are cut mid-answer and it restarts', async () => {
    server = await startTestHttpMcpServer({
      onCall: (call, s) => (call === 2 ? s.cut() : undefined),
    });
    const access = dayOf(server.url);
    const session = await open(access);
    expect(await session.callTool('notes.add', { text: 'one' })).toMatchObject({ ok: true });
    const started = performance.now();
    const cut = await session.callTool('notes.add', { text: 'two' });
    // Answered long before the call's deadline (target-http-crash.test.ts shows the wait).
    expect(performance.now() - started).toBeLessThan(CALL_TIMEOUT_MS / 4);
    expect(cut).toMatchObject({ ok: false, errorKind: 'transport' });
    expect(access.failure?.()?.message).toContain(
      `the MCP server at ${server.url} stopped answering mid-day (UND_ERR_SOCKET: other side closed)`,
    );
    await session.close();
  });

  it('fails the day when the port refuses between calls; the next day connects afresh', async () => {
    server = await startTestHttpMcpServer();
    const access = dayOf(server.url);
    const session = await open(access);
    expect(await session.callTool('notes.add', { text: 'one' })).toMatchObject({ ok: true });
    await server.kill();
    const refused = await session.callTool('notes.add', { text: 'two' });
    expect(refused).toMatchObject({ ok: false, errorKind: 'transport' });
    expect(access.failure?.()?.message).toMatch(
      // Its open GET stream breaks first, or the next POST is refused.
      new RegExp(
        `the MCP server at ${server.url} stopped answering mid-day \\((connect ECONNREFUSED|UND_ERR_SOCKET)`,
      ),
    );
    await session.close();

    // Still down: the next day cannot open a session, and says why.
    await expect(open(dayOf(server.url))).rejects.toThrow(
      `the MCP server at ${server.url} cannot be reached (connect ECONNREFUSED`,
    );

    await server.start();
    const next = dayOf(server.url);
    const fresh = await open(next);
    expect((await fresh.listTools()).map((t) => t.name)).toEqual(['notes.add', 'notes.list']);
    expect(await fresh.callTool('notes.add', { text: 'again' })).toMatchObject({ ok: true });
    expect(next.failure?.()).toBeUndefined();
    await fresh.close();
  });

  it('a day the runner closes is not a failure, and ends its session on the server', async () => {
    server = await startTestHttpMcpServer();
    const access = dayOf(server.url);
    const session = await open(access);
    expect(await session.callTool('notes.add', { text: 'one' })).toMatchObject({ ok: true });
    await session.close();
    expect(access.failure?.()).toBeUndefined();
    const last = server.requests.at(-1);
    expect(last?.method).toBe('DELETE');
    expect(last?.headers['mcp-session-id']).toBeTruthy();
  });
});
