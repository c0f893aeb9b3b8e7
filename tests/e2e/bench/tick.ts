import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBrain, type TickResult } from '@mana/persona-runner';
import { startStack } from '@mana/stack';
import { personaModel, startSdkStack } from '../src/sdk-stack';

// `npm run bench:tick -- --brain scripted|claude-agent-sdk [--concurrency 2]`: one tick of
// the 10 catalog personas on a fresh in-memory database, timed, with the peak memory of
// this process and of every process it started (the Agent SDK's CLI runs as children),
// sampled every 50 ms from /proc. The Agent SDK brain talks to the local fake Anthropic
// API, scripted like a persona that lists its first module, then rates.
// `--days N` (scripted only) runs N ticks one simulated day apart and prints the CPU of
// this process (runner, gateway, identity service and PGlite all run in it) per persona-day,
// for the first day and for the later ones (tokens, clients and validators warm).
const { values } = parseArgs({
  options: {
    brain: { type: 'string', default: 'scripted' },
    concurrency: { type: 'string', default: '2' },
    days: { type: 'string', default: '1' },
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

async function startBench() {
  if (brainName === 'claude-agent-sdk') {
    return startSdkStack({ handler: personaModel, databaseUrl: 'memory://', secrets, concurrency });
  }
  const stack = await startStack({
    databaseUrl: 'memory://',
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
for (let day = 2; day <= days; day++) {
  virtualNow += DAY_MS;
  cpu = process.cpuUsage();
  const later = (await bench.stack.runner?.runner.tick()) as TickResult;
  laterCpuMs += cpuMs(process.cpuUsage(cpu));
  laterDays += later.due;
}
clearInterval(sampler);
const calls = result.personas.reduce((n, p) => n + p.actions, 0);
process.stdout.write(
  `${brainName}: ${result.ranSuccessfully}/${result.due} personas, ${calls} tool calls, tick ${(ms / 1000).toFixed(2)} s ` +
    `(concurrency ${concurrency}); memory before ${(before / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB (this process and its children)\n`,
);
process.stdout.write(
  `CPU per persona-day, all in (runner + gateway + identity + PGlite): first day ${(firstCpuMs / Math.max(1, result.due)).toFixed(1)} ms` +
    (laterDays > 0
      ? `, later days ${(laterCpuMs / laterDays).toFixed(1)} ms (${laterDays} persona-days over ${days - 1} days)\n`
      : '\n'),
);
await bench.close();
