import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, selectRows } from '@mana/db';
import { loadCatalog, scaleCatalog, seedPersonas } from '@mana/personas';
import { startStack } from '@mana/stack';
import { FaultInjector, parseFaults } from '@mana/tool-registry';
import { sql } from 'drizzle-orm';

// `npm run bench:scale -- [--personas 1000] [--latency-ms 2000] [--concurrency 16]
//   [--lease-seconds 30] [--runners 1,2,3] [--no-kill]`
//
// Issue 11 item 6: several runner processes on one PostgreSQL database. A database of its
// own next to BENCH_DATABASE_URL's (default the local server), dropped at the end; the
// identity service and the gateway in this process; `--personas` daily personas (the
// catalog grown by `scaleCatalog`: clones in shared spaces of their own, no passwords);
// each runner a process of its own
// (scale-runner.ts) with the scripted brain, `--concurrency` days at a time. The model's
// latency is stood in for by the gateway's fault drill: every tool call waits
// `--latency-ms` first (a scripted day makes about a dozen calls, one per model turn of
// an llm brain). For 1, 2 and 3 runners it lives every persona once (the clock moves a
// day on between rounds) and reports personas per minute, days lived twice (must be 0)
// and action rows lost (a tick's `actions_count` against its stored rows; must be 0).
// Then three runners again, one killed with SIGKILL mid-tick: the others live its
// personas once its leases expire; restarted on its data directory it delivers what its
// journal still owed; nothing lost, nothing twice, no tick left `running`.
const { values } = parseArgs({
  options: {
    personas: { type: 'string', default: '1000' },
    'latency-ms': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    'lease-seconds': { type: 'string', default: '30' },
    runners: { type: 'string', default: '1,2,3' },
    'no-kill': { type: 'boolean', default: false },
  },
});
const count = Number(values.personas);
const latencyMs = Number(values['latency-ms']);
const concurrency = Number(values.concurrency);
const leaseSeconds = Number(values['lease-seconds']);
const rounds = (values.runners ?? '').split(',').map(Number);
for (const [flag, n] of Object.entries({ count, latencyMs, concurrency, leaseSeconds })) {
  if (!Number.isInteger(n) || n < (flag === 'latencyMs' ? 0 : 1)) {
    process.stderr.write(`bench:scale: ${flag} must be a whole number, got ${n}\n`);
    process.exit(2);
  }
}
if (rounds.some((n) => !Number.isInteger(n) || n < 1 || n > 8)) {
  process.stderr.write('bench:scale: --runners takes counts from 1 to 8, e.g. 1,2,3\n');
  process.exit(2);
}

const HOUR = 3_600_000;
const RUNNER = join(import.meta.dirname, 'scale-runner.ts');
const secrets = {
  serviceKey: 'bench-scale-key',
  authSecret: 'bench-scale-better-auth-secret-0123456789',
  seedSecret: 'bench-scale-seed',
};
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `bench_scale_${process.pid}`;
const url = new URL(base);
url.pathname = `/${name}`;
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The identity service's and the runners' clock: real time, moved a day on per round. */
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

const admin = await createDatabase(base, { poolSize: 1 });
await admin.db.execute(sql.raw(`create database ${name}`));
const catalog = loadCatalog();
const modules = [...new Set(catalog.personas.flatMap((p) => Object.keys(p.moduleMix)))];
const faults = new FaultInjector({ seed: 1 });
faults.set(parseFaults(modules.map((m) => `${m}:latency=${latencyMs}`).join(';')));
const stack = await startStack({
  databaseUrl: url.toString(),
  authPort: 0,
  mcpPort: 0,
  ...secrets,
  seed: false,
  clock,
  faults,
});
const db = stack.database.db;
const children = new Set<ChildProcess>();
const dirs: string[] = [];

interface RoundFigures {
  label: string;
  runners: number;
  seconds: number;
  perMinute: number;
  duplicated: number;
  lost: number;
  stuck: number;
  failed: number;
  /** Ticks a killed runner left, found by the claim that took its persona over. */
  abandoned: number;
  livedBy: string;
  /** CPU of the runner processes per persona-day (those that were not killed). */
  runnerCpuMs: number;
  /** CPU of this process (identity service + gateway + the bench's polling) per persona-day. */
  servicesCpuMs: number;
}

try {
  say(
    `bench:scale on ${url.host}/${name}: ${count} daily personas, scripted brain, ${latencyMs} ms per tool call (gateway), ${concurrency} days at a time per runner, leases of ${leaseSeconds} s`,
  );
  const seedStarted = performance.now();
  await seedPersonas({
    authUrl: stack.auth.url,
    ...secrets,
    catalog: scaleCatalog(catalog, count, { cadence: 'daily' }),
  });
  say(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const figures: RoundFigures[] = [];
  for (const n of rounds) figures.push(await round(n, false));
  if (!values['no-kill']) figures.push(await round(3, true));
  const one = figures.find((f) => f.runners === 1 && !f.label.includes('kill'));
  say('');
  say(
    '| runners | personas | wall s | personas/min | vs 1 runner | duplicated days | lost rows | stuck running | abandoned ticks | failed days | lived by | runner CPU ms/day | services CPU ms/day |',
  );
  say('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const f of figures) {
    say(
      `| ${f.label} | ${count} | ${f.seconds.toFixed(1)} | ${f.perMinute.toFixed(1)} | ${one ? `${(f.perMinute / one.perMinute).toFixed(2)}×` : '–'} | ${f.duplicated} | ${f.lost} | ${f.stuck} | ${f.abandoned} | ${f.failed} | ${f.livedBy} | ${f.runnerCpuMs.toFixed(0)} | ${f.servicesCpuMs.toFixed(0)} |`,
    );
  }
  const bad = figures.filter((f) => f.duplicated > 0 || f.lost > 0 || f.stuck > 0);
  if (bad.length > 0) {
    say(`\nFAILED: ${bad.map((f) => f.label).join(', ')} duplicated, lost or left rows running`);
    process.exitCode = 1;
  }
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await stack.close();
  await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
  await admin.close();
}

/** One round: every persona lived once by `n` runner processes (one killed mid-tick if `kill`). */
async function round(n: number, kill: boolean): Promise<RoundFigures> {
  offsetMs += 25 * HOUR;
  const from = clock();
  const label = kill ? `${n}, one killed` : String(n);
  const ids = Array.from({ length: n }, (_, i) => `r${i + 1}of${n}${kill ? 'k' : ''}`);
  const data = ids.map(() => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
    dirs.push(dir);
    return dir;
  });
  const procs = ids.map((id, i) => runnerProcess(id, data[i] as string, false));
  await Promise.all(procs.map((p) => p.next('ready')));
  const started = performance.now();
  const servicesCpu = process.cpuUsage();
  for (const p of procs) p.child.send({ type: 'go' });

  let journaled: { tickId: string; index: number }[] = [];
  const victim = kill ? procs[n - 1] : undefined;
  let killed = false;
  let last = -1;
  let lastChange = performance.now();
  for (;;) {
    await sleep(250);
    const [done] = await selectRows<{ ended: number }>(
      db,
      sql`select count(distinct persona_id)::int as ended from auth.persona_ticks
          where started_at >= ${from.toISOString()}::timestamptz and status in ('ok', 'failed')`,
    );
    const ended = done?.ended ?? 0;
    if (ended !== last) {
      last = ended;
      lastChange = performance.now();
      if (process.stdout.isTTY)
        process.stdout.write(`\r  ${label} runner(s): ${ended}/${count} lived`);
    }
    if (ended >= count) break;
    if (performance.now() - lastChange > 300_000) throw new Error(`round ${label}: stalled`);
    // Kill mid-tick: a third of the way in, as soon as the victim has journaled a call.
    if (victim && !killed && ended >= count / 3) {
      const file = join(data[n - 1] as string, 'journal.ndjson');
      const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
      if (lines.some((l) => l.startsWith('{"t":"call"'))) {
        victim.child.kill('SIGKILL');
        await victim.exited;
        killed = true;
        journaled = readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('{"t":"call"'))
          .map((l) => (JSON.parse(l) as { row: { tickId: string; index: number } }).row);
        say(
          `  killed ${victim.id} with ${ended}/${count} lived: ${journaled.length} calls journaled`,
        );
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${process.stdout.isTTY ? '\n' : ''}  ${label} runner(s): ${count} lived in ${seconds.toFixed(1)} s\n`,
  );
  const servicesUsed = process.cpuUsage(servicesCpu);
  const stopped = await Promise.all(
    procs
      // A victim the round ended before killing stops like the others.
      .filter((p) => !(killed && p === victim))
      .map(async (p) => {
        p.child.send({ type: 'stop' });
        const answer = (await p.next('stopped')) as { lived?: number; cpuMs?: number };
        await p.exited;
        return answer;
      }),
  );
  const runnerCpu = stopped.reduce((sum, s) => sum + (s.cpuMs ?? 0), 0);
  const runnerDays = stopped.reduce((sum, s) => sum + (s.lived ?? 0), 0);
  if (victim && !killed) say(`  ${victim.id} was not killed: the round ended first`);
  if (victim && killed) {
    // Restarted on its data directory, the killed runner delivers what its journal owed.
    const again = runnerProcess(victim.id, data[n - 1] as string, true);
    await again.next('replayed');
    await again.exited;
  }

  const [dup] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (
          select persona_id from auth.persona_ticks
          where started_at >= ${from.toISOString()}::timestamptz and status = 'ok'
          group by persona_id having count(*) > 1) d`,
  );
  const [rows] = await selectRows<{ owed: number; stored: number }>(
    db,
    sql`select coalesce(sum(t.actions_count), 0)::int as owed,
               coalesce(sum((select count(*) from auth.persona_actions a where a.tick_id = t.id)), 0)::int as stored
        from auth.persona_ticks t
        where t.started_at >= ${from.toISOString()}::timestamptz and t.status = 'ok'`,
  );
  const tickIds = [...new Set(journaled.map((r) => r.tickId))];
  const stored = await selectRows<{ key: string }>(
    db,
    sql`select tick_id || '#' || seq as key from auth.persona_actions
        where tick_id in (select jsonb_array_elements_text(${JSON.stringify(tickIds)}::jsonb))`,
  );
  const have = new Set(stored.map((r) => r.key));
  const journalLost = journaled.filter((r) => !have.has(`${r.tickId}#${r.index}`)).length;
  const [state] = await selectRows<{ stuck: number; failed: number; abandoned: number }>(
    db,
    sql`select count(*) filter (where status = 'running')::int as stuck,
               count(*) filter (where status = 'abandoned')::int as abandoned,
               count(*) filter (where status = 'failed')::int as failed
        from auth.persona_ticks where started_at >= ${from.toISOString()}::timestamptz`,
  );
  const reasons = await selectRows<{ error: string; n: number }>(
    db,
    sql`select left(coalesce(error, '?'), 160) as error, count(*)::int as n from auth.persona_ticks
        where started_at >= ${from.toISOString()}::timestamptz and status = 'failed'
        group by 1 order by 2 desc limit 3`,
  );
  for (const r of reasons) say(`  failed ${r.n}×: ${r.error}`);
  const by = await selectRows<{ runner: string; n: number }>(
    db,
    sql`select runner_id as runner, count(*)::int as n from auth.persona_ticks
        where started_at >= ${from.toISOString()}::timestamptz and status = 'ok'
        group by runner_id order by runner_id`,
  );
  return {
    label,
    runners: n,
    seconds,
    perMinute: count / (seconds / 60),
    duplicated: dup?.n ?? 0,
    lost: Math.max(0, (rows?.owed ?? 0) - (rows?.stored ?? 0)) + journalLost,
    stuck: state?.stuck ?? 0,
    failed: state?.failed ?? 0,
    abandoned: state?.abandoned ?? 0,
    livedBy: by.map((b) => `${b.runner.replace(/of\d+k?$/, '')} ${b.n}`).join(', '),
    runnerCpuMs: runnerCpu / Math.max(1, runnerDays),
    servicesCpuMs: (servicesUsed.user + servicesUsed.system) / 1000 / count,
  };
}

/** A runner process and the messages it sends, awaited by type. */
function runnerProcess(id: string, dataDir: string, replay: boolean) {
  const child = fork(RUNNER, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      PATH: process.env.PATH,
      SCALE_AUTH_URL: stack.auth.url,
      SCALE_MCP_URL: stack.mcp.url,
      SCALE_SERVICE_KEY: secrets.serviceKey,
      SCALE_SEED_SECRET: secrets.seedSecret,
      SCALE_RUNNER_ID: id,
      SCALE_CONCURRENCY: String(concurrency),
      SCALE_LEASE_SECONDS: String(leaseSeconds),
      SCALE_DATA_DIR: dataDir,
      SCALE_OFFSET_MS: String(offsetMs),
      SCALE_REPLAY: replay ? '1' : '0',
    },
  });
  children.add(child);
  const messages: { type: string }[] = [];
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('message', (m: { type: string }) => messages.push(m));
  const next = async (type: string) => {
    for (;;) {
      const found = messages.find((m) => m.type === type);
      if (found) return found;
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`runner ${id} exited before ${type}`);
      await sleep(50);
    }
  };
  return { id, child, exited, next };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
