/**
 * `npm run bench:ingest`: the action ingest path against a raw multi-row INSERT of the same
 * rows, at batches of 50 and 500 (issue 11 item 4: ingest ≥ 50 % / ≥ 70 % of raw).
 *
 * - raw: one prepared-by-hand `INSERT … VALUES (…), (…) ON CONFLICT DO NOTHING` through the
 *   driver, rows already validated: the floor.
 * - ingest: what `POST /internal/personas/:id/actions` does past the HTTP layer: the body
 *   validated once, the persona and its spaces read in one query, one statement
 *   (`insertActions`: `jsonb_to_recordset`, the insert and `last_active_at` together).
 * - before: the path as it was until issue 11 (body validated twice, two lookups, the
 *   query builder in a transaction, 5 round trips), kept here for comparison only.
 *
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres; a database of its
 * own is created next to it and dropped; `memory://` runs on PGlite), BENCH_RUNS (20).
 */
import { type ActionRow, actionId, actionRowSchema, outcomeOf } from '@mana/contracts';
import {
  createDatabase,
  type Database,
  type DatabaseHandle,
  migrateDatabase,
  personaActions,
  personas,
} from '@mana/db';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { personaExists } from '../src/personas/db/persona-admin';
import { insertActions } from '../src/personas/db/persona-writes';
import { personaSpaceIds, rowRefIssues, spacesOfPersona } from '../src/personas/db/row-refs';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runs = Number(process.env.BENCH_RUNS ?? 20);
const onServer = base.startsWith('postgres');
const name = `bench_ingest_${process.pid}`;
const now = new Date('2026-11-25T12:00:00Z');
const MODULES = ['todo', 'journal'];

let admin: DatabaseHandle | undefined;
let handle: DatabaseHandle;
if (onServer) {
  admin = await createDatabase(base, { poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  handle = await createDatabase(url.toString(), { poolSize: 1 });
} else {
  handle = await createDatabase(base);
}

/** The driver under Drizzle: text and parameters, nothing built. */
const client = (
  handle.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }
).$client;

const COLUMNS = [
  'id',
  'persona_id',
  'tick_id',
  'seq',
  'tool_name',
  'module',
  'space_id',
  'tool_use_id',
  'input_hash',
  'result',
  'error_message',
  'latency_ms',
  'error_kind',
  'error_signature',
  'outcome',
  'check_status',
  'check_expected',
  'check_seen',
  'check_by',
  'check_of',
  'created_at',
];

try {
  await migrateDatabase(handle);
  const { db } = handle;
  await db.execute(sql`
    insert into auth.users (id, name, email, kind, created_at, updated_at)
    values ('u-bench', 'Bench', 'bench@bench.test', 'persona', now(), now())`);
  await db.execute(sql`
    insert into auth.personas (user_id, archetype, system_prompt, module_mix, tick_cadence, timezone, created_at)
    values ('u-bench', 'bench', 'You are a bench persona.', '{"todo":1}', 'daily', 'UTC', now())`);
  await db.execute(sql`
    insert into auth.organizations (id, name, slug, type, created_at)
    values ('s-bench', 'Bench', 'bench', 'personal', now())`);
  await db.execute(sql`
    insert into auth.members (id, organization_id, user_id, role, created_at)
    values ('m-bench', 's-bench', 'u-bench', 'owner', now())`);

  let tick = 0;
  /** A batch as the runner sends it: mostly ok calls, one in ten an error, one in five checked. */
  const batch = (size: number): unknown[] => {
    const tickId = `bench-tick-${++tick}`;
    return Array.from({ length: size }, (_, i) => ({
      tickId,
      index: i,
      toolName: i % 2 ? 'todo.create' : 'journal.list',
      module: i % 2 ? 'todo' : 'journal',
      spaceId: 's-bench',
      toolUseId: `toolu_${i}`,
      inputHash: 'a'.repeat(64),
      ...(i % 10 === 9
        ? { result: 'error', errorKind: 'invalid_input', errorMessage: `title is required (${i})` }
        : { result: 'ok' }),
      latencyMs: 10 + (i % 40),
      ...(i % 5 === 0 && i % 10 !== 9 ? { check: { status: 'passed', by: i + 1 } } : {}),
    }));
  };

  const rowsSchema = z.object({ actions: z.array(actionRowSchema) });
  const refs = (rows: ActionRow[], spaces: string[]) => {
    if (rowRefIssues('actions', rows, { modules: MODULES, spaces }).length > 0)
      throw new Error('bench rows refused');
  };

  const raw = async (body: unknown[]) => {
    const rows = body as ActionRow[];
    const params: unknown[] = [];
    const tuples = rows.map((row) => {
      const values = [
        actionId(row),
        'u-bench',
        row.tickId,
        row.index,
        row.toolName,
        row.module,
        row.spaceId,
        row.toolUseId ?? null,
        row.inputHash ?? null,
        row.result,
        row.errorMessage ?? null,
        row.latencyMs ?? null,
        row.errorKind ?? null,
        null,
        outcomeOf(row),
        row.check?.status ?? null,
        row.check?.expected ?? null,
        row.check?.seen ?? null,
        row.check?.by ?? null,
        row.checkOf ?? null,
        now.toISOString(),
      ];
      const first = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${first + i + 1}`).join(', ')})`;
    });
    await client.query(
      `insert into auth.persona_actions (${COLUMNS.join(', ')}) values ${tuples.join(', ')} on conflict (id) do nothing`,
      params,
    );
  };

  const ingest = async (body: unknown[]) => {
    const rows = rowsSchema.parse({ actions: body }).actions;
    const spaces = await spacesOfPersona(db, 'u-bench');
    if (!spaces) throw new Error('no persona');
    refs(rows, spaces);
    await insertActions(db, 'u-bench', rows, now);
  };

  const before = async (body: unknown[]) => {
    z.object({ actions: z.array(z.unknown()) }).parse({ actions: body });
    const rows = z.object({ actions: z.array(actionRowSchema) }).parse({ actions: body }).actions;
    if (!(await personaExists(db, 'u-bench'))) throw new Error('no persona');
    refs(rows, await personaSpaceIds(db, 'u-bench'));
    await queryBuilderInsert(db, 'u-bench', rows, now);
  };

  console.log(
    `action ingest vs a raw multi-row INSERT, ${onServer ? 'PostgreSQL server' : base}, median of ${runs} runs each (interleaved), Node ${process.version}`,
  );
  for (const size of [50, 500]) {
    const ms: Record<'raw' | 'ingest' | 'before', number[]> = { raw: [], ingest: [], before: [] };
    for (let r = 0; r < runs + 3; r++) {
      for (const [what, fn] of [
        ['raw', raw],
        ['ingest', ingest],
        ['before', before],
      ] as const) {
        const body = batch(size);
        const t0 = performance.now();
        await fn(body);
        // The first three rounds warm up (JIT, plans, caches).
        if (r >= 3) ms[what].push(performance.now() - t0);
      }
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.floor(s.length / 2)] ?? 0;
    };
    const m = { raw: median(ms.raw), ingest: median(ms.ingest), before: median(ms.before) };
    const rate = (x: number) => `${Math.round((size / x) * 1000).toLocaleString('en')} rows/s`;
    console.log(
      `batch ${String(size).padStart(3)}: raw ${m.raw.toFixed(2)} ms (${rate(m.raw)}) | ` +
        `ingest ${m.ingest.toFixed(2)} ms (${rate(m.ingest)}) = ${((m.raw / m.ingest) * 100).toFixed(0)} % of raw | ` +
        `before ${m.before.toFixed(2)} ms = ${((m.raw / m.before) * 100).toFixed(0)} % of raw`,
    );
  }
} finally {
  await handle.close();
  if (admin) {
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  }
}

/** The insert as it was before issue 11 item 4, for comparison only. */
async function queryBuilderInsert(db: Database, personaId: string, rows: ActionRow[], at: Date) {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(personaActions)
      .values(
        rows.map((row) => ({
          id: actionId(row),
          personaId,
          tickId: row.tickId,
          seq: row.index,
          toolName: row.toolName,
          module: row.module,
          spaceId: row.spaceId,
          toolUseId: row.toolUseId ?? null,
          inputHash: row.inputHash ?? null,
          result: row.result,
          errorMessage: row.errorMessage ?? null,
          latencyMs: row.latencyMs ?? null,
          errorKind: row.errorKind ?? null,
          errorSignature: row.errorMessage ? sql`auth.error_signature(${row.errorMessage})` : null,
          outcome: outcomeOf(row),
          checkStatus: row.check?.status ?? null,
          checkExpected: row.check?.expected ?? null,
          checkSeen: row.check?.seen ?? null,
          checkBy: row.check?.by ?? null,
          checkOf: row.checkOf ?? null,
          createdAt: at,
        })),
      )
      .onConflictDoNothing({ target: personaActions.id })
      .returning({ id: personaActions.id });
    if (inserted.length > 0) {
      await tx
        .update(personas)
        .set({
          lastActiveAt: sql`greatest(coalesce(${personas.lastActiveAt}, ${at.toISOString()}::timestamptz), ${at.toISOString()}::timestamptz)`,
        })
        .where(eq(personas.userId, personaId));
    }
    return inserted.length;
  });
}
