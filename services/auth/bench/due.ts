/**
 * `npm run bench:due`: the due query and the claim at 100k personas on the PostgreSQL
 * server, steady (a few hundred due) and all due, with EXPLAIN ANALYZE. Creates and
 * drops a database of its own next to BENCH_DATABASE_URL's (default: the local server).
 *
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres), BENCH_PERSONAS
 * (100000), BENCH_RUNS (20).
 */
import { createDatabase, type DatabaseHandle, migrateDatabase, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';
import { claimDuePersonas, releaseClaims } from '../src/personas/db/claims';
import { dueQuery, findDuePersonas } from '../src/personas/db/due';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const count = Number(process.env.BENCH_PERSONAS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const now = new Date('2026-11-25T12:00:00Z'); // a Wednesday
const name = `bench_due_${process.pid}`;

const admin = await createDatabase(base, { poolSize: 1 });
await admin.db.execute(sql.raw(`create database ${name}`));
const url = new URL(base);
url.pathname = `/${name}`;
let handle: DatabaseHandle | undefined;
try {
  handle = await createDatabase(url.toString());
  await migrateDatabase(handle);
  const { db } = handle;
  const started = performance.now();
  await db.execute(sql`
    insert into auth.users (id, name, email, kind, created_at, updated_at)
    select 'u' || i, 'P ' || i, 'p' || i || '@bench.test', 'persona', now(), now()
    from generate_series(1, ${count}) i`);
  // 70 % daily, 20 % hourly, 10 % weekdays, in three timezones.
  await db.execute(sql`
    insert into auth.personas (user_id, archetype, system_prompt, module_mix, tick_cadence, timezone, created_at)
    select 'u' || i, 'bench', 'You are a bench persona.', '{"todo":1}',
           case when i % 10 < 7 then 'daily' when i % 10 < 9 then 'hourly' else 'weekdays' end,
           (array['UTC', 'Europe/Berlin', 'America/Los_Angeles'])[1 + i % 3],
           ${now.toISOString()}::timestamptz - interval '30 days' + i * interval '1 millisecond'
    from generate_series(1, ${count}) i`);
  console.log(`inserted ${count} personas in ${Math.round(performance.now() - started)} ms`);

  const scenario = async (label: string, lastActive: string) => {
    await db.execute(sql.raw(`update auth.personas set last_active_at = ${lastActive}`));
    // A live database's autovacuum keeps up with the updates; a bench that rewrote
    // every row a moment ago has to do it itself.
    await db.execute(sql`vacuum analyze auth.personas`);
    await db.execute(sql`vacuum analyze auth.users`);
    const [{ due } = { due: 0 }] = await selectRows<{ due: number }>(
      db,
      sql`select count(*)::int as due from (${dueQuery(now, count)}) d`,
    );
    console.log(`\n## ${label}: ${due} of ${count} due`);
    const time = async (what: string, fn: () => Promise<unknown>) => {
      for (let i = 0; i < 3; i++) await fn();
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await fn();
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      const p = (q: number) =>
        (ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0).toFixed(2);
      console.log(`${what}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms (${runs} runs)`);
    };
    await time('due, limit 1000 (GET /due)', () => findDuePersonas(db, now, 1000));
    await time('claim 10 + release (POST /claim)', async () => {
      const claim = await claimDuePersonas(db, 'bench', now, 10, 120);
      if (claim.personas.length > 0) {
        await releaseClaims(
          db,
          'bench',
          claim.personas.map((p) => p.userId),
        );
      }
    });
    for (const [what, query] of [
      ['due, limit 1000', dueQuery(now, 1000)],
      ['claim, limit 10', dueQuery(now, 10, sql`for update of p skip locked`)],
    ] as const) {
      const plan = await selectRows<{ 'QUERY PLAN': string }>(
        db,
        sql`explain (analyze, buffers) ${query}`,
      );
      console.log(`\nEXPLAIN ANALYZE ${what}:\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  };
  // Steady: every persona lived within its last period, so only those whose period just
  // ran out are due (about 0.1 % of daily, 1.6 % of hourly personas).
  await scenario(
    'steady',
    `'${now.toISOString()}'::timestamptz - case tick_cadence when 'hourly' then interval '61 minutes' else interval '1441 minutes' end * random()`,
  );
  await scenario(
    'all due',
    `'${now.toISOString()}'::timestamptz - interval '2 days' - interval '1 day' * random()`,
  );
} finally {
  await handle?.close();
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.close();
}
