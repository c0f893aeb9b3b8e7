// A target's HTTP server that goes away mid-day fails that persona's day (stored as
// failed, naming the server's URL and the cause, with the calls made before) and the next
// day connects afresh to the server, back with no sessions (as a restarted process is).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectRows } from '@mana/db';
import { createBrain } from '@mana/persona-runner';
import { loadTarget, simulate } from '@mana/stack';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { E2E_SECRETS, stackDatabase } from './e2e-config';

/**
 * An MCP app over Streamable HTTP on a loopback port with `notes.add` and `notes.list`.
 * Its second call ever "kills" it: every open connection is cut (that call unanswered)
 * and its sessions are lost; it keeps listening, as a supervisor's instant restart would.
 */
async function startDyingNotesServer(): Promise<{ url: string; http: Server }> {
  let sessions = new Map<string, StreamableHTTPServerTransport>();
  const notes: string[] = [];
  let calls = 0;
  let http: Server | undefined;
  const maybeDie = () => {
    calls += 1;
    if (calls !== 2) return;
    http?.closeAllConnections();
    sessions = new Map();
  };
  const session = async () => {
    const mcp = new McpServer({ name: 'notes-http', version: '1.0.0' });
    mcp.registerTool(
      'notes.add',
      {
        description: 'Add a note',
        inputSchema: { text: z.string().min(1).max(200) },
        annotations: { readOnlyHint: false },
      },
      async ({ text }) => {
        maybeDie();
        notes.push(text);
        return { content: [{ type: 'text', text: `added: ${text}` }] };
      },
    );
    mcp.registerTool(
      'notes.list',
      { description: 'List the notes', annotations: { readOnlyHint: true } },
      async () => {
        maybeDie();
        return { content: [{ type: 'text', text: JSON.stringify(notes) }] };
      },
    );
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    await mcp.connect(transport);
    return transport;
  };
  http = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const id = req.headers['mcp-session-id'];
    let transport = typeof id === 'string' ? sessions.get(id) : undefined;
    if (!transport && req.method === 'POST' && isInitializeRequest(body)) {
      transport = await session();
    }
    if (!transport) {
      res.writeHead(404).end();
      return;
    }
    await transport.handleRequest(req, res, body);
  });
  await new Promise<void>((done) => http?.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/mcp`, http };
}

describe('a target whose HTTP server goes away mid-day', () => {
  let server: { url: string; http: Server };
  let dir: string;
  let targetPath: string;

  beforeAll(async () => {
    server = await startDyingNotesServer();
    dir = mkdtempSync(join(tmpdir(), 'mana-target-http-crash-'));
    targetPath = join(dir, 'notes-http.json');
    writeFileSync(
      targetPath,
      JSON.stringify({
        name: 'notes-http',
        server: { url: server.url },
        auth: { mode: 'none' },
        modules: { separator: '.' },
        personas: {
          personas: [
            {
              email: 'nora.http@personas.mana.test',
              name: 'Nora',
              archetype: 'note-taker',
              systemPrompt: 'You are Nora and you write short notes all day.',
              moduleMix: { notes: 1 },
              tickCadence: 'hourly',
            },
          ],
        },
      }),
    );
  });
  afterAll(async () => {
    server?.http.closeAllConnections();
    await new Promise((done) => server?.http.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fails the day it went away in and connects afresh the next', {
    timeout: 120_000,
  }, async () => {
    const brain = createBrain({ brain: 'scripted', scriptedSeed: 5, processEnv: {} });
    if (!brain) throw new Error('no scripted brain');
    const database = await stackDatabase();
    const target = loadTarget(targetPath, { env: {} });
    let ticks: { status: string; error: string | null; actions: number }[] = [];
    let actions: {
      result: string;
      kind: string | null;
      message: string | null;
      latency: number;
    }[] = [];
    try {
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: database.url,
        // Two hourly ticks of an hourly persona.
        days: 2 / 24,
        seed: 5,
        brain,
        start: new Date('2026-11-16T08:00:00Z'),
        target,
        onFinished: async (db) => {
          ticks = await selectRows(
            db,
            sql`select status, error, actions_count as actions from auth.persona_ticks order by started_at`,
          );
          actions = await selectRows(
            db,
            sql`select result, error_kind as kind, error_message as message,
                  latency_ms as latency
                from auth.persona_actions order by id`,
          );
        },
      });
      expect(summary.personaDays).toBe(2);
      expect(summary.failed).toBe(1);
    } finally {
      target.dispose();
      await database.drop();
    }
    const died = `the MCP server at ${server.url} stopped answering mid-day (`;
    expect(ticks.map((t) => [t.status, t.error])).toEqual([
      ['failed', expect.stringContaining(died)],
      ['ok', null],
    ]);
    // The first day kept its call before the server went away and the one it cut off.
    expect(ticks[0]?.actions).toBe(2);
    expect(actions[0]).toMatchObject({ result: 'ok', kind: null });
    expect(actions[1]).toMatchObject({ result: 'error', kind: 'transport' });
    expect(actions[1]?.message).toContain(died);
    // It ended when its answer stream broke, not at the 30 s call deadline (the SDK
    // alone leaves it waiting: measured 30 002 ms before the target closed the session).
    expect(actions[1]?.latency).toBeLessThan(10_000);
    expect(ticks[1]?.actions).toBeGreaterThan(0);
  });
});
