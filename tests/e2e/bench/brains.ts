import { type ChildProcess, fork, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { silentLogger } from '@mana/http';
import {
  type Brain,
  connectGateway,
  createBrain,
  createLlmBrain,
  PersonaRunner,
  type TickResult,
} from '@mana/persona-runner';
import { BENCH_SECRETS } from './bench-secrets';
import { treeRssKb } from './tree-rss';

// `npm run bench:brains -- [--brains scripted,llm,claude-agent-sdk] [--personas 10]
// [--concurrency 5] [--latency-ms 500] [--profile DIR]`: per brain, one tick of
// `--personas` daily personas (the catalog's 10, then copies of them with accounts and
// spaces of their own, seeded the way the stack seeds the catalog), in a fresh process,
// against the fake Anthropic API that waits `latency-ms` before every conversation
// answer (the model's time). A persona lists its first module, ends the day, then rates:
// 3 model turns. As in production, the runner is a process apart from the app: the
// identity service, the gateway and a fresh in-memory database run in a child
// (app-stack.ts), the runner with the brain in this process. Reports the tick time
// against the ideal pool time (ceil(N / C) × 3 × latency), the runner's peak RSS growth
// per concurrent persona (this process and its children but the helpers) and its CPU per
// persona-day (this process and its reaped children: the Agent SDK's CLI), and the app's
// CPU per persona-day. The fake model (fake-model.ts) and the RSS sampler
// (rss-sampler.ts) run in processes of their own, counted nowhere: their work is not
// the brain's. The `gateway-only` row lives the same day without a model (one session,
// one list call, a fixed rating): the runner's own share (claims, login, MCP client,
// stores), which the model brains' rows include; subtract it for the brain's own.
// `scripted` may be named too. `--personas 100 --concurrency 100` lives 100 llm
// persona-days at once in one runner. `--profile DIR` writes a CPU profile of each
// brain's tick alone to DIR/<brain>.cpuprofile.
const { values } = parseArgs({
  options: {
    brains: { type: 'string', default: 'gateway-only,llm,claude-agent-sdk' },
    concurrency: { type: 'string', default: '5' },
    personas: { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '500' },
    one: { type: 'string' },
    profile: { type: 'string' },
  },
});
const concurrency = Number(values.concurrency);
const latencyMs = Number(values['latency-ms']);
const personaCount = Number(values.personas);
for (const [flag, n] of Object.entries({ concurrency, personas: personaCount, latencyMs })) {
  if (!Number.isInteger(n) || n < (flag === 'latencyMs' ? 0 : 1)) {
    process.stderr.write(`bench:brains: ${flag} must be a whole number, got ${n}\n`);
    process.exit(2);
  }
}
const TURNS = 3;

interface Figures {
  brain: string;
  personas: number;
  ok: number;
  calls: number;
  tickMs: number;
  idealMs: number;
  rssMbPerConcurrent: number;
  /** The runner process's CPU (brain and runner) per persona-day. */
  cpuMsPerDay: number;
  /** The app's (identity service, gateway, database) per persona-day, for comparison. */
  appCpuMsPerDay: number;
}

/** CPU ms of a process and its reaped children (utime, stime, cutime, cstime). */
function cpuMs(pid: number | 'self' = 'self'): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  return ticks * 10; // USER_HZ = 100
}

/**
 * The app's share without a model: the same persona-day (one MCP session, the first list
 * tool once, a fixed rating), so a model brain's figures minus this row are the brain's.
 */
const gatewayOnly: Brain = {
  name: 'scripted',
  model: 'gateway-only',
  async liveDay(day) {
    const session = await connectGateway(day.gateway, day.signal);
    try {
      const tool = (await session.listTools()).find(
        (t) => day.modules.includes(t.module) && /\.(list|search)/.test(t.name),
      );
      if (tool) {
        const started = day.stopwatch();
        const answer = await session.callTool(tool.name, {});
        day.record({
          toolName: tool.name,
          module: tool.module,
          input: {},
          latencyMs: day.stopwatch() - started,
          result: answer.ok ? 'ok' : 'error',
          ...(answer.ok ? {} : { errorMessage: answer.errorMessage, errorKind: answer.errorKind }),
        });
      }
    } finally {
      await session.close();
    }
    return {};
  },
  async rateDay(_day, experience) {
    const ratings = experience.map((m) => ({ module: m.module, rating: 4, notes: 'fine' }));
    return { text: JSON.stringify({ ratings }) };
  },
};

/**
 * `--profile DIR`: a CPU profile of the tick alone (not start-up, migrations, seeding),
 * written to DIR/<brain>.cpuprofile when the returned function is called.
 */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    const dir = values.profile as string;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file), JSON.stringify(profile));
    session.disconnect();
  };
}

/** A bench helper in a process of its own (`file` next to this one), once it says so. */
async function helper<T>(
  file: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; first: T }> {
  const child = fork(join(import.meta.dirname, file), [], {
    env: { ...process.env, ...env },
    // A profile of the bench is the runner's, not its helpers'.
    execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const first = await new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
  });
  return { child, first };
}

/** The fake model in a process of its own (fake-model.ts), so its CPU is not the brain's. */
async function startFakeModel(): Promise<{ url: string; pid: number; close(): void }> {
  const { child, first } = await helper<{ url: string }>('fake-model.ts', {
    BENCH_LATENCY_MS: String(latencyMs),
  });
  return { url: first.url, pid: child.pid as number, close: () => child.disconnect() };
}

/** The app (app-stack.ts): identity service, gateway and database in a process of their own. */
async function startApp(): Promise<{
  authUrl: string;
  mcpUrl: string;
  pid: number;
  close(): void;
}> {
  const { child, first } = await helper<{ authUrl: string; mcpUrl: string }>('app-stack.ts', {
    BENCH_PERSONAS: String(personaCount),
  });
  return { ...first, pid: child.pid as number, close: () => child.disconnect() };
}

/** Samples this process tree's RSS from another process (rss-sampler.ts); `peak()` ends it. */
async function startRssSampler(skip: number[]): Promise<{ pid: number; peak(): Promise<number> }> {
  const { child } = await helper('rss-sampler.ts', {
    BENCH_PID: String(process.pid),
    BENCH_SKIP_PIDS: skip.join(','),
  });
  return {
    pid: child.pid as number,
    peak: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve((m as { peakKb: number }).peakKb));
        child.send({ type: 'peak' });
      }),
  };
}

async function runOne(name: string): Promise<Figures> {
  const [fake, app] = await Promise.all([startFakeModel(), startApp()]);
  let brain: Brain | undefined;
  if (name === 'gateway-only') {
    brain = gatewayOnly;
  } else if (name === 'llm') {
    brain = createLlmBrain({
      model: { provider: 'anthropic', modelId: 'claude-sonnet-4-5' },
      apiKey: 'sk-ant-fake',
      baseUrl: `${fake.url}/v1`,
    });
  } else {
    brain = createBrain({
      brain: name === 'claude-agent-sdk' ? 'claude-agent-sdk' : 'scripted',
      anthropicApiKey: 'sk-ant-fake',
      anthropicBaseUrl: fake.url,
      scriptedSeed: 1,
      processEnv: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
  }
  const runner = new PersonaRunner({
    authUrl: app.authUrl,
    mcpUrl: app.mcpUrl,
    serviceKey: BENCH_SECRETS.serviceKey,
    seedSecret: BENCH_SECRETS.seedSecret,
    brain,
    runnerId: 'bench',
    concurrency,
    personaTimeoutMs: 120_000,
    tickIntervalMs: 60_000,
    logger: silentLogger(),
  });
  const sampler = await startRssSampler([fake.pid, app.pid]);
  const before = treeRssKb(process.pid, new Set([fake.pid, app.pid, sampler.pid]));
  const profiler = values.profile ? await startProfile() : undefined;
  const cpuBefore = cpuMs();
  const appCpuBefore = cpuMs(app.pid);
  const started = performance.now();
  const result = (await runner.tick()) as TickResult;
  const tickMs = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  const appCpu = cpuMs(app.pid) - appCpuBefore;
  const peak = Math.max(before, await sampler.peak());
  await profiler?.(`${name}.cpuprofile`);
  await runner.stop(1_000);
  app.close();
  fake.close();
  const modelTurns = name === 'scripted' || name === 'gateway-only' ? 0 : TURNS;
  const days = Math.max(1, result.due);
  return {
    brain: name,
    personas: result.due,
    ok: result.ranSuccessfully,
    calls: result.personas.reduce((n, p) => n + p.actions, 0),
    tickMs,
    idealMs: Math.ceil(result.due / concurrency) * modelTurns * latencyMs,
    rssMbPerConcurrent: (peak - before) / 1024 / Math.min(concurrency, days),
    cpuMsPerDay: cpu / days,
    appCpuMsPerDay: appCpu / days,
  };
}

if (values.one) {
  process.stdout.write(`${JSON.stringify(await runOne(values.one))}\n`);
  process.exit(0);
}

const rows: Figures[] = [];
for (const name of (values.brains ?? '').split(',').filter(Boolean)) {
  // A fresh process per brain, so one brain's heap does not count against the next.
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--one', name],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    process.stderr.write(`bench:brains: ${name} failed (exit ${child.status})\n${child.stdout}`);
    process.exit(1);
  }
  rows.push(JSON.parse(line) as Figures);
}
const out = (s: string) => process.stdout.write(`${s}\n`);
out(
  `${personaCount} personas (daily copies of the catalog's), concurrency ${concurrency}, model latency ${latencyMs} ms per turn, ${TURNS} turns per model persona-day`,
);
out(
  '| brain | personas ok | tool calls | tick | ideal pool time | tick / ideal | runner RSS per concurrent persona | runner CPU per persona-day | app CPU per persona-day |',
);
out('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = r.idealMs > 0 ? `${(r.tickMs / r.idealMs).toFixed(2)}×` : '—';
  out(
    `| ${r.brain} | ${r.ok}/${r.personas} | ${r.calls} | ${(r.tickMs / 1000).toFixed(2)} s | ${(r.idealMs / 1000).toFixed(2)} s | ${ratio} | ${r.rssMbPerConcurrent.toFixed(1)} MB | ${r.cpuMsPerDay.toFixed(0)} ms | ${r.appCpuMsPerDay.toFixed(0)} ms |`,
  );
}
