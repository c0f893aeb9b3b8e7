import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDatabase, selectRows } from '@mana/db';
import { createBrain, type TickResult } from '@mana/persona-runner';
import { startStack } from '@mana/stack';
import { sql } from 'drizzle-orm';
import { personaModel, startSdkStack } from '../src/sdk-stack';

// `npm run bench:tick -- --brain scripted|claude-agent-sdk [--concurrency 2]`: one tick of
// the 10 catalog personas on a fresh in-memory database, timed, with the peak memory of
// this process and of every process it started (the Agent SDK's CLI runs as children),
// sampled every 50 ms from /proc. The Agent SDK brain talks to the local fake Anthropic
// API, scripted like a persona that lists its first module, then rates.
// `--days N` (scripted only) runs N ticks one simulated day apart and prints the CPU of
// this process (runner, gateway, identity service and PGlite all run in it) per persona-day,
// for the first day and for the later ones (tokens, clients and validators warm).
// `--postgres` (scripted only) puts the database on the PostgreSQL server instead of
// in-process PGlite, in a database of its own next to BENCH_DATABASE_URL's (default the
// local server), dropped at the end: this process's CPU is then runner + gateway +
// identity + the database client, as the goal counts it, and the server backends' CPU
// (read from /proc for the database's connections) is printed beside it.
const { values } = parseArgs({
  options: {
    brain: { type: 'string', default: 'scripted' },
    concurrency: { type: 'string', default: '2' },
    days: { type: 'string', default: '1' },
    postgres: { type: 'boolean', default: false },
  },
});
const brainName = values.brain === 'claude-agent-sdk' ? 'claude-agent-sdk' : 'scripted';
const concurrency = Number(values.concurrency);
const days = Math.max(1, Number(values.days));
const DAY_MS = 24 * 60 * 60 * 1000;
let virtualNow = Date.now();
const clock = () => new Date(virtualNow);
const secrets = {
  serviceKey: 'bench-key',
  authSecret: 'bench-better-auth-secret-0123456789abcdef',
  seedSecret: 'bench-seed',
};

/** RSS in kB of a process and, recursively, its children. */
function treeRssKb(pid: number): number {
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
    }
  } catch {
    // the process ended while we looked
  }
  return total;
}

/** A database of its own on the PostgreSQL server, and how to drop it. */
async function postgresDatabase() {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bench_tick_${process.pid}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const admin = await createDatabase(base, { poolSize: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  return {
    url: url.toString(),
    /** CPU in ms used so far by the server backends serving this database. */
    async backendCpuMs(): Promise<number> {
      const rows = await selectRows<{ pid: number }>(
        admin.db,
        sql`select pid from pg_stat_activity where datname = ${name}`,
      );
      const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
      let total = 0;
      for (const { pid } of rows) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
          total += (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
        } catch {
          // not readable (another user's server): reported as 0
        }
      }
      return total;
    },
    async drop() {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

const pg = values.postgres && brainName === 'scripted' ? await postgresDatabase() : undefined;

async function startBench() {
  if (brainName === 'claude-agent-sdk') {
    return startSdkStack({ handler: personaModel, databaseUrl: 'memory://', secrets, concurrency });
  }
  const stack = await startStack({
    databaseUrl: pg?.url ?? 'memory://',
    authPort: 0,
    mcpPort: 0,
    ...secrets,
    clock,
    runner: {
      clock,
      brain: createBrain({ brain: 'scripted', scriptedSeed: 1, processEnv: {} }),
      port: 0,
      startLoop: false,
      concurrency,
      personaTimeoutMs: 120_000,
    },
  });
  return { stack, close: () => stack.close() };
}

const bench = await startBench();
const before = treeRssKb(process.pid);
let peak = before;
const sampler = setInterval(() => {
  peak = Math.max(peak, treeRssKb(process.pid));
}, 50);
const started = performance.now();
let cpu = process.cpuUsage();
const result = (await bench.stack.runner?.runner.tick()) as TickResult;
const ms = performance.now() - started;
const cpuMs = (used: NodeJS.CpuUsage) => (used.user + used.system) / 1000;
const firstCpuMs = cpuMs(process.cpuUsage(cpu));
let laterDays = 0;
let laterCpuMs = 0;
let laterServerMs = 0;
for (let day = 2; day <= days; day++) {
  virtualNow += DAY_MS;
  const serverBefore = (await pg?.backendCpuMs()) ?? 0;
  cpu = process.cpuUsage();
  const later = (await bench.stack.runner?.runner.tick()) as TickResult;
  laterCpuMs += cpuMs(process.cpuUsage(cpu));
  laterServerMs += ((await pg?.backendCpuMs()) ?? 0) - serverBefore;
  laterDays += later.due;
}
clearInterval(sampler);
const calls = result.personas.reduce((n, p) => n + p.actions, 0);
process.stdout.write(
  `${brainName}: ${result.ranSuccessfully}/${result.due} personas, ${calls} tool calls, tick ${(ms / 1000).toFixed(2)} s ` +
    `(concurrency ${concurrency}); memory before ${(before / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB (this process and its children)\n`,
);
const where = pg ? 'database client; PostgreSQL server apart' : 'PGlite';
process.stdout.write(
  `CPU per persona-day, all in (runner + gateway + identity + ${where}): first day ${(firstCpuMs / Math.max(1, result.due)).toFixed(1)} ms` +
    (laterDays > 0
      ? `, later days ${(laterCpuMs / laterDays).toFixed(1)} ms (${laterDays} persona-days over ${days - 1} days)\n`
      : '\n'),
);
if (pg && laterDays > 0) {
  process.stdout.write(
    `PostgreSQL server backends, later days: ${(laterServerMs / laterDays).toFixed(1)} ms per persona-day (from /proc, 10 ms resolution)\n`,
  );
}
await bench.close();
await pg?.drop();
