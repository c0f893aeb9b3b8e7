import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, personaActions, personaFeedback, personaTicks, users } from '@mana/db';
import type { Brain, TickResult } from '@mana/persona-runner';
import { desc, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { startStack } from './stack';

/** What the smoke test needs. */
export interface SmokeOptions {
  /** A PostgreSQL server to run on (a fresh database is created there); else embedded PGlite. */
  serverUrl?: string | undefined;
  brain: Brain;
  serviceKey: string;
  authSecret: string;
  seedSecret: string;
  /** Per-persona timeout of the tick (default 5 min). */
  personaTimeoutMs?: number | undefined;
  /** Where progress and tables go. */
  out: (line: string) => void;
}

/** What the smoke test found. */
export interface SmokeReport {
  ok: boolean;
  problems: string[];
  result: TickResult | undefined;
  actions: { persona: string; tool: string; result: string }[];
  feedback: { persona: string; module: string; rating: number; notes: string | null }[];
}

/**
 * The exit gate: on a fresh database, start the stack (identity, gateway, runner) with
 * the catalog seeded, log Anna in through `/diag/login`, fire one tick through
 * `/diag/tick`, print the latest actions and ratings, and pass only if every due
 * persona ran and each has actions and at least one rating.
 */
export async function runSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const { out } = options;
  const fresh = await freshDatabase(options.serverUrl);
  out(`smoke: fresh database ${fresh.label}`);
  const stack = await startStack({
    databaseUrl: fresh.url,
    authPort: 0,
    mcpPort: 0,
    serviceKey: options.serviceKey,
    authSecret: options.authSecret,
    seedSecret: options.seedSecret,
    runner: {
      brain: options.brain,
      port: 0,
      runnerId: 'smoke',
      startLoop: false,
      concurrency: 2,
      personaTimeoutMs: options.personaTimeoutMs ?? 300_000,
    },
  });
  const problems: string[] = [];
  let result: TickResult | undefined;
  try {
    const runnerUrl = stack.runner?.url as string;
    out(
      `smoke: stack up (identity ${stack.auth.url}, gateway ${stack.mcp.mcpUrl}, runner ${runnerUrl}, brain ${options.brain.name})`,
    );
    const login = await fetch(
      `${runnerUrl}/diag/login?email=${encodeURIComponent('persona.anna@mana.test')}`,
    );
    const loginBody = (await login.json()) as { ok?: boolean; userId?: string; spaceId?: string };
    out(`smoke: GET /diag/login → ${login.status} ${JSON.stringify(loginBody)}`);
    if (!login.ok || !loginBody.ok || !loginBody.userId || !loginBody.spaceId)
      problems.push('diag/login failed for persona.anna@mana.test');

    const started = performance.now();
    const tick = await fetch(`${runnerUrl}/diag/tick`, { method: 'POST' });
    const tickBody = (await tick.json()) as {
      ok?: boolean;
      result?: TickResult;
      error?: { message: string };
    };
    out(`smoke: POST /diag/tick → ${tick.status} in ${Math.round(performance.now() - started)} ms`);
    if (!tick.ok || !tickBody.result) {
      problems.push(`diag/tick failed: ${tickBody.error?.message ?? tick.status}`);
    } else {
      result = tickBody.result;
      out(
        `smoke: tick ${result.tickId}: ${result.due} due, ${result.ranSuccessfully} ran, ${result.failed.length} failed`,
      );
      if (result.due === 0) problems.push('nobody was due on a fresh database');
      for (const f of result.failed) problems.push(`${f.email} failed: ${f.error}`);
    }
    const { ticks, ...report } = await readRows(stack.database.db, result);
    printTables(out, report.actions, report.feedback);
    for (const persona of result?.personas ?? []) {
      const stored = ticks.find((t) => t.id === persona.tickId);
      if (stored?.status !== 'ok')
        problems.push(`${persona.email}: tick record is ${stored?.status ?? 'missing'}`);
    }
    for (const persona of result?.personas ?? []) {
      if (persona.actions === 0) problems.push(`${persona.email} made no tool call`);
      if (persona.ratings === 0) problems.push(`${persona.email} gave no rating`);
    }
    return { ok: problems.length === 0, problems, result, ...report };
  } finally {
    await stack.close();
    await fresh.drop();
  }
}

async function readRows(db: Database, result: TickResult | undefined) {
  const tickIds = result?.personas.map((p) => p.tickId) ?? [];
  if (tickIds.length === 0) return { actions: [], feedback: [], ticks: [] };
  const actions = await db
    .select({ persona: users.email, tool: personaActions.toolName, result: personaActions.result })
    .from(personaActions)
    .innerJoin(users, eq(users.id, personaActions.personaId))
    .where(inArray(personaActions.tickId, tickIds))
    .orderBy(desc(personaActions.createdAt), users.email, personaActions.seq);
  const feedback = await db
    .select({
      persona: users.email,
      module: personaFeedback.module,
      rating: personaFeedback.rating,
      notes: personaFeedback.notes,
    })
    .from(personaFeedback)
    .innerJoin(users, eq(users.id, personaFeedback.personaId))
    .where(inArray(personaFeedback.tickId, tickIds))
    .orderBy(users.email, personaFeedback.module);
  const ticks = await db
    .select({ id: personaTicks.id, status: personaTicks.status })
    .from(personaTicks)
    .where(inArray(personaTicks.id, tickIds));
  return { actions, feedback, ticks };
}

function printTables(
  out: (line: string) => void,
  actions: SmokeReport['actions'],
  feedback: SmokeReport['feedback'],
) {
  out('');
  out(`latest actions (${actions.length}):`);
  out(`  ${'persona'.padEnd(28)} ${'tool'.padEnd(28)} result`);
  for (const a of actions) out(`  ${a.persona.padEnd(28)} ${a.tool.padEnd(28)} ${a.result}`);
  out('');
  out(`ratings (${feedback.length}):`);
  out(`  ${'persona'.padEnd(28)} ${'module'.padEnd(10)} rating  notes`);
  for (const f of feedback) {
    out(
      `  ${f.persona.padEnd(28)} ${f.module.padEnd(10)} ${String(f.rating).padEnd(7)} ${(f.notes ?? '').replace(/\s+/g, ' ').slice(0, 110)}`,
    );
  }
  out('');
}

/** An empty database for one smoke run: a temp PGlite dir, or a new database on a server. */
async function freshDatabase(serverUrl: string | undefined) {
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'mana-smoke-'));
    return {
      url: `file:${dir}`,
      label: `embedded PGlite in ${dir}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `mana_smoke_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: `PostgreSQL database ${name} on ${url.host}`,
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
