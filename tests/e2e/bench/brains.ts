import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FakeReply, type FakeRequest, startFakeAnthropic } from '@mana/fake-anthropic';
import {
  type Brain,
  connectGateway,
  createBrain,
  createLlmBrain,
  type TickResult,
} from '@mana/persona-runner';
import { startStack } from '@mana/stack';

// `npm run bench:brains -- [--brains scripted,llm,claude-agent-sdk] [--concurrency 5]
// [--latency-ms 500]`: per brain, one tick of the 10 catalog personas on a fresh
// in-memory database, in a fresh process, against the fake Anthropic API that waits
// `latency-ms` before every conversation answer (the model's time). A persona lists its
// first module, ends the day, then rates: 3 model turns. Reports the tick time against
// the ideal pool time (ceil(N / C) × 3 × latency), the peak RSS growth per concurrent
// persona (this process and its children, sampled every 20 ms from /proc) and the CPU
// per persona-day (this process and its reaped children: the Agent SDK's CLI). The
// `gateway-only` row lives the same day without a model (one session, one list call, a
// fixed rating): the app's own share (gateway, identity, database, login, all in this
// process), which the model brains' figures include; subtract it for the brain's own.
// `scripted` may be named too.
const { values } = parseArgs({
  options: {
    brains: { type: 'string', default: 'gateway-only,llm,claude-agent-sdk' },
    concurrency: { type: 'string', default: '5' },
    'latency-ms': { type: 'string', default: '500' },
    one: { type: 'string' },
  },
});
const concurrency = Number(values.concurrency);
const latencyMs = Number(values['latency-ms']);
const TURNS = 3;

interface Figures {
  brain: string;
  personas: number;
  ok: number;
  calls: number;
  tickMs: number;
  idealMs: number;
  rssMbPerConcurrent: number;
  cpuMsPerDay: number;
}

/** RSS in kB of a process and, recursively, its children. */
function treeRssKb(pid: number): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) total += treeRssKb(Number(child));
    }
  } catch {
    // the process ended while we looked
  }
  return total;
}

/** CPU ms of this process and its reaped children (utime, stime, cutime, cstime). */
function cpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
  return ticks * 10; // USER_HZ = 100
}

/** The persona as a model: list something of the first module, stop, rate. */
function personaTurn(request: FakeRequest): FakeReply {
  if (request.sideRequest) {
    return request.sideRequest === 'title' ? { text: '{"title":"Day"}' } : { text: 'ok' };
  }
  if (!request.hasTools) {
    const list = /(?:Rate only these modules|Bewerte nur diese Module): ([^\n.]+)/.exec(
      request.lastUserText,
    );
    const ratings = (list?.[1] ?? '')
      .split(',')
      .map((module) => ({ module: module.trim(), rating: 4, notes: 'fine' }));
    return { text: JSON.stringify({ ratings }), delayMs: latencyMs };
  }
  const listTool = request.toolNames.find((n) => /_(list|search)/.test(n));
  if (request.toolResults.length === 0 && listTool) {
    return { toolUses: [{ name: listTool, input: {} }], delayMs: latencyMs };
  }
  return { text: 'That was my day.', delayMs: latencyMs };
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

async function runOne(name: string): Promise<Figures> {
  const fake = await startFakeAnthropic({ handler: personaTurn });
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
  const stack = await startStack({
    databaseUrl: 'memory://',
    authPort: 0,
    mcpPort: 0,
    serviceKey: 'bench-key',
    authSecret: 'bench-better-auth-secret-0123456789abcdef',
    seedSecret: 'bench-seed',
    runner: { brain, port: 0, startLoop: false, concurrency, personaTimeoutMs: 120_000 },
  });
  const before = treeRssKb(process.pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRssKb(process.pid));
  }, 20);
  const cpuBefore = cpuMs();
  const started = performance.now();
  const result = (await stack.runner?.runner.tick()) as TickResult;
  const tickMs = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  clearInterval(sampler);
  await stack.close();
  await fake.close();
  const modelTurns = name === 'scripted' || name === 'gateway-only' ? 0 : TURNS;
  return {
    brain: name,
    personas: result.due,
    ok: result.ranSuccessfully,
    calls: result.personas.reduce((n, p) => n + p.actions, 0),
    tickMs,
    idealMs: Math.ceil(result.due / concurrency) * modelTurns * latencyMs,
    rssMbPerConcurrent: (peak - before) / 1024 / Math.min(concurrency, result.due),
    cpuMsPerDay: cpu / Math.max(1, result.due),
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
  `concurrency ${concurrency}, model latency ${latencyMs} ms per turn, ${TURNS} turns per model persona-day`,
);
out(
  '| brain | personas ok | tool calls | tick | ideal pool time | tick / ideal | RSS per concurrent persona | CPU per persona-day |',
);
out('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const ratio = r.idealMs > 0 ? `${(r.tickMs / r.idealMs).toFixed(2)}×` : '—';
  out(
    `| ${r.brain} | ${r.ok}/${r.personas} | ${r.calls} | ${(r.tickMs / 1000).toFixed(2)} s | ${(r.idealMs / 1000).toFixed(2)} s | ${ratio} | ${r.rssMbPerConcurrent.toFixed(1)} MB | ${r.cpuMsPerDay.toFixed(0)} ms |`,
  );
}
