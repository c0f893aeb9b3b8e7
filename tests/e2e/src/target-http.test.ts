// A target reached over Streamable HTTP: the MCP reference test server
// (@modelcontextprotocol/server-everything, a dev dependency) started as a child process on
// a free loopback port, described by targets/everything-http.json with that port, and two
// scripted personas living one day in it. Proves the `server.url` path end to end. The
// test signs personas in with `auth: bearer` (the example uses `none`) through a small
// recording proxy, since server-everything ignores the header: the proxy is how we see it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, selectRows } from '@mana/db';
import { loadTarget, simulate } from '@mana/stack';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, scriptedBrain, stackDatabase } from './e2e-config';

const EXAMPLE = fileURLToPath(new URL('../../../targets/everything-http.json', import.meta.url));
const SERVER = fileURLToPath(
  new URL(
    '../../../node_modules/@modelcontextprotocol/server-everything/dist/index.js',
    import.meta.url,
  ),
);
const START = new Date('2026-11-16T00:00:00Z'); // a Monday

/** A port free on 127.0.0.1 (the OS picks it; the server takes it over right after). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** What server-everything logs on stdout: one line per session it starts and ends. */
interface ServerLog {
  text: string;
}

/** Starts server-everything in its Streamable HTTP mode; resolves once it listens. */
async function startEverything(port: number, log: ServerLog): Promise<ChildProcess> {
  // Only PATH and the port: its get-env tool (unmapped here) would show whatever it gets.
  const child = spawn(process.execPath, [SERVER, 'streamableHttp'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    log.text += chunk.toString();
  });
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`listening on port ${port}`)) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`server-everything exited (${code}): ${stderr}`)),
    );
  });
  return child;
}

async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** What reached the app through the proxy: each request's method and headers of note. */
interface Seen {
  method: string;
  authorization: string | undefined;
  target: string | undefined;
}

/**
 * A loopback proxy in front of the server that records each request's Authorization and
 * the file's static header, streaming bodies both ways (SSE answers included).
 */
async function startRecordingProxy(upstreamPort: number, seen: Seen[]) {
  const proxy = createHttpServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      authorization: req.headers.authorization,
      target: req.headers['x-mana-target'] as string | undefined,
    });
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const { port } = proxy.address() as AddressInfo;
  const close = () =>
    new Promise<void>((done) => {
      proxy.closeAllConnections();
      proxy.close(() => done());
    });
  return { port, close };
}

const TOKENS = {
  'ines.everything@personas.mana.test': 'token-ines-0123',
  'jonas.everything@personas.mana.test': 'token-jonas-4567',
};

interface Stored {
  actions: { email: string; tool: string; module: string; result: string; error: string | null }[];
  ticks: { email: string; status: string; error: string | null }[];
  feedback: { email: string; module: string; rating: number }[];
}

async function readStored(db: Database): Promise<Stored> {
  const actions = await selectRows<Stored['actions'][number]>(
    db,
    sql`select u.email, a.tool_name as tool, a.module, a.result, a.error_message as error
        from auth.persona_actions a join auth.users u on u.id = a.persona_id order by a.id`,
  );
  const ticks = await selectRows<Stored['ticks'][number]>(
    db,
    sql`select u.email, t.status, t.error
        from auth.persona_ticks t join auth.users u on u.id = t.persona_id order by t.id`,
  );
  const feedback = await selectRows<Stored['feedback'][number]>(
    db,
    sql`select u.email, f.module, f.rating from auth.persona_feedback f
        join auth.users u on u.id = f.persona_id order by f.id`,
  );
  return { actions, ticks, feedback };
}

describe('a third-party MCP app over Streamable HTTP as the target (server-everything)', () => {
  let server: ChildProcess | undefined;
  let proxy: { close: () => Promise<void> } | undefined;
  const log: ServerLog = { text: '' };
  const seen: Seen[] = [];
  let dir: string;
  let targetPath: string;

  beforeAll(async () => {
    const port = await freePort();
    server = await startEverything(port, log);
    const recording = await startRecordingProxy(port, seen);
    proxy = recording;
    // The shipped example, reached through the proxy, with a static header and one
    // bearer token per persona (from env vars, as a real file would name them).
    const example = JSON.parse(readFileSync(EXAMPLE, 'utf8'));
    example.server = {
      url: `http://127.0.0.1:${recording.port}/mcp`,
      headers: { 'x-mana-target': 'everything-http' },
    };
    example.auth = {
      mode: 'bearer',
      tokens: {
        'ines.everything@personas.mana.test': { env: 'INES_TOKEN' },
        'jonas.everything@personas.mana.test': { env: 'JONAS_TOKEN' },
      },
    };
    dir = mkdtempSync(join(tmpdir(), 'mana-target-http-'));
    targetPath = join(dir, 'everything-http.json');
    writeFileSync(targetPath, JSON.stringify(example));
  });
  afterAll(async () => {
    await proxy?.close();
    await stop(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scripted personas live a day in it: mapped tools only, rows and ratings stored', {
    timeout: 60_000,
  }, async () => {
    const target = loadTarget(targetPath, {
      env: {
        INES_TOKEN: TOKENS['ines.everything@personas.mana.test'],
        JONAS_TOKEN: TOKENS['jonas.everything@personas.mana.test'],
      },
    });
    const database = await stackDatabase();
    let stored: Stored | undefined;
    try {
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: database.url,
        // One tick: both daily personas are due at once and live their day.
        days: 1 / 24,
        seed: 5,
        brain: scriptedBrain(5),
        start: START,
        target,
        onFinished: async (db) => {
          stored = await readStored(db);
        },
      });
      expect(summary.personaDays).toBe(2);
      expect(summary.failed).toBe(0);
    } finally {
      await database.drop();
    }
    if (!stored) throw new Error('nothing read');

    expect(stored.ticks.map((t) => [t.email, t.status, t.error])).toEqual([
      ['ines.everything@personas.mana.test', 'ok', null],
      ['jonas.everything@personas.mana.test', 'ok', null],
    ]);
    // Every call went to a mapped tool and is stored under its module; nothing else
    // the server lists (get-env, sampling, elicitation, …) was offered.
    const pairs = new Set(stored.actions.map((a) => `${a.tool}→${a.module}`));
    expect([...pairs].sort()).toEqual(['echo→echo', 'get-sum→math']);
    for (const email of ['ines', 'jonas']) {
      expect(stored.actions.some((a) => a.email.startsWith(email))).toBe(true);
    }
    // Inputs built from the server's JSON Schemas are accepted; only typos may be refused.
    const ok = stored.actions.filter((a) => a.result === 'ok');
    expect(ok.length).toBeGreaterThan(stored.actions.length / 2);
    expect(new Set(ok.map((a) => a.tool))).toEqual(new Set(['echo', 'get-sum']));
    expect(stored.feedback.length).toBeGreaterThanOrEqual(2);
    for (const f of stored.feedback) {
      expect(['echo', 'math']).toContain(f.module);
      expect(f.rating).toBeGreaterThanOrEqual(1);
      expect(f.rating).toBeLessThanOrEqual(5);
    }
    // Every session the runner opened (start-up's tool listing, each persona-day) was
    // ended with a DELETE, not left open on the app.
    const started = log.text.match(/Session initialized with ID/g)?.length ?? 0;
    const ended = log.text.match(/Received session termination request/g)?.length ?? 0;
    expect(started).toBeGreaterThanOrEqual(3);
    expect(ended).toBe(started);
    // Every request the app got carried a persona's token and the file's header; both
    // personas' tokens were used (each persona-day signs in as its persona).
    expect(seen.length).toBeGreaterThan(started * 2);
    const tokens = new Set(Object.values(TOKENS).map((t) => `Bearer ${t}`));
    for (const request of seen) {
      expect([...tokens]).toContain(request.authorization);
      expect(request.target).toBe('everything-http');
    }
    expect(new Set(seen.map((r) => r.authorization))).toEqual(tokens);
    target.dispose();
  });
});
