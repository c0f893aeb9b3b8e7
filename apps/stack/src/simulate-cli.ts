import { parseArgs } from 'node:util';
import { TICK_CADENCES } from '@mana/contracts';
import { createDatabase, redactUrl } from '@mana/db';
import { createBrain } from '@mana/persona-runner';
import { loadCatalog, scaleCatalog } from '@mana/personas';
import { parseFaults } from '@mana/tool-registry';
import { z } from 'zod';
import { consistency } from './consistency';
import { formatConsistency } from './consistency-figures';
import { storeConsistencyRun } from './consistency-store';
import { parseStackEnv } from './env';
import { type SimulationProgress, simulate } from './simulate';
import { assertWorkersDatabase, simulateWithWorkers } from './simulate-workers';
import { loadTarget } from './target/load-target';

// `npm run simulate -- --days 14 [--seed N] [--brain scripted] [--fault journal:errors=0.6] [--fault-from-day 7]`
// With `--workers N` the days are sharded over N worker processes (PostgreSQL only).
// With `--repeat k` the same days are lived k times, each into a fresh in-memory database,
// and the consistency of ratings and checks is reported (`--json` for the figures as JSON).
// With `--personas N` the catalog (the target's, or the built-in one) is grown to N
// personas by cloning it, copies in spaces of their own, for load runs; `--cadence daily`
// gives every persona that cadence (one persona-day each per simulated day).
const usage = `usage: npm run simulate -- --days <n> [--seed <n>] [--brain scripted|claude-agent-sdk]
         [--start <ISO time>] [--fault <module:errors=0.5,latency=800;…>] [--fault-from-day <day>]
         [--concurrency <n>] [--workers <n>] [--repeat <k> [--json]] [--target <target file>]
         [--personas <n>] [--cadence daily|weekdays|hourly]`;

const args = (() => {
  try {
    const { values } = parseArgs({
      options: {
        days: { type: 'string' },
        seed: { type: 'string', default: '1' },
        brain: { type: 'string', default: 'scripted' },
        start: { type: 'string' },
        fault: { type: 'string' },
        'fault-from-day': { type: 'string' },
        concurrency: { type: 'string', default: '1' },
        workers: { type: 'string', default: '1' },
        repeat: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        target: { type: 'string' },
        personas: { type: 'string' },
        cadence: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return z
      .object({
        days: z.coerce.number().positive().max(366),
        seed: z.coerce.number().int(),
        brain: z.enum(['scripted', 'claude-agent-sdk']),
        start: z.iso
          .datetime({ offset: true })
          .transform((s) => new Date(s))
          .optional(),
        fault: z.string().optional(),
        'fault-from-day': z.coerce.number().min(0).optional(),
        concurrency: z.coerce.number().int().min(1).max(16),
        workers: z.coerce.number().int().min(1).max(16),
        repeat: z.coerce.number().int().min(1).max(20),
        json: z.boolean(),
        target: z.string().min(1).optional(),
        personas: z.coerce.number().int().min(1).max(100_000).optional(),
        cadence: z.enum(TICK_CADENCES).optional(),
      })
      .parse(values);
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')
        : String(error);
    process.stderr.write(`simulate: ${detail}\n${usage}\n`);
    process.exit(2);
  }
})();

const env = parseStackEnv();
const faults = (() => {
  try {
    return parseFaults(args.fault);
  } catch (error) {
    process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
})();
const brainSettings = {
  ...env.runner,
  brain: args.brain,
  scriptedSeed: args.seed,
  processEnv: env.runner.processEnv,
};
const makeBrain = () => createBrain(brainSettings);
const brain = makeBrain();
const target = (() => {
  const path = args.target ?? env.target;
  try {
    return path ? loadTarget(path, { env: process.env }) : undefined;
  } catch (error) {
    process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
})();
const catalog = (() => {
  if (args.personas === undefined && args.cadence === undefined) return undefined;
  const base = target?.catalog ?? loadCatalog();
  return scaleCatalog(base, args.personas ?? base.personas.length, { cadence: args.cadence });
})();
if (!brain) {
  process.stderr.write('simulate: the claude-agent-sdk brain needs ANTHROPIC_API_KEY\n');
  process.exit(2);
}

const tty = process.stdout.isTTY;
let lastDay = -1;
const progress = (p: SimulationProgress) => {
  const day = Math.floor((p.hour - 1) / 24);
  const line = `${bar(p.hour / p.hours)} day ${day + 1}/${Math.ceil(p.hours / 24)}  ${p.at.toISOString().slice(0, 16)}Z  ${p.personaDays} persona-days, ${p.actions} tool calls, ${p.failed} failed${p.faultsOn ? '  [faults on]' : ''}`;
  if (tty) process.stdout.write(`\r${line}`);
  else if (day !== lastDay || p.hour === p.hours) process.stdout.write(`${line}\n`);
  lastDay = day;
};

try {
  assertWorkersDatabase(env.databaseUrl, args.workers);
  if (args.workers > 1 && args.repeat > 1)
    throw new Error('--repeat lives each try in a fresh in-memory database: use --workers 1');
} catch (error) {
  process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

if (args.repeat > 1) {
  await repeated(args.repeat);
  process.exit(0);
}

process.stdout.write(
  `simulating ${args.days} days${catalog ? ` of ${catalog.personas.length} personas` : ''} with the ${brain.name} brain (seed ${args.seed})${args.workers > 1 ? ` in ${args.workers} worker processes` : ''} into ${env.databaseUrl ? env.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : 'the embedded database (.data/pglite)'}\n`,
);
try {
  const options = {
    databaseUrl: env.databaseUrl,
    days: args.days,
    seed: args.seed,
    ...(args.start ? { start: args.start } : {}),
    faults,
    ...(args['fault-from-day'] !== undefined ? { faultFromDay: args['fault-from-day'] } : {}),
    concurrency: args.concurrency,
    target,
    catalog,
    serviceKey: env.serviceKey,
    authSecret: env.authSecret,
    seedSecret: env.seedSecret,
    onProgress: progress,
    onNotice: (message: string) => process.stdout.write(`note: ${message}\n`),
  };
  const summary =
    args.workers > 1
      ? await simulateWithWorkers({ ...options, workers: args.workers, brain: brainSettings })
      : await simulate({ ...options, brain });
  if (tty) process.stdout.write('\n');
  process.stdout.write(
    `${[
      `simulated ${summary.start} → ${summary.end}: ${summary.ticks} ticks, ${summary.personaDays} persona-days, ${summary.actions} tool calls, ${summary.ratings} ratings, ${summary.failed} failed days`,
      summary.faults
        ? `fault drill: ${summary.faults.spec} from ${summary.faults.from}`
        : 'fault drill: off',
      `took ${(summary.durationMs / 1000).toFixed(1)} s (${(summary.setupMs / 1000).toFixed(1)} s of it starting and seeding, ${((summary.durationMs - summary.setupMs) / 1000).toFixed(1)} s the simulated hours)`,
      'next: npm run report   (or npm start and open the console)',
    ].join('\n')}\n`,
  );
} catch (error) {
  if (tty) process.stdout.write('\n');
  process.stderr.write(
    `simulate failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

/** `--repeat k`: the same days k times, then their consistency. */
async function repeated(k: number): Promise<void> {
  const say = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
  const where = env.databaseUrl
    ? redactUrl(env.databaseUrl)
    : 'the embedded database (.data/pglite)';
  say(
    `living the same ${args.days} days ${k} times with the ${brain?.name} brain (seed ${args.seed}), each into a fresh in-memory database; the figures go to ${where}`,
  );
  let result: Awaited<ReturnType<typeof consistency>>;
  try {
    result = await consistency({
      repeat: k,
      days: args.days,
      seed: args.seed,
      brain: () => makeBrain() ?? (brain as NonNullable<typeof brain>),
      ...(args.start ? { start: args.start } : {}),
      faults,
      ...(args['fault-from-day'] !== undefined ? { faultFromDay: args['fault-from-day'] } : {}),
      concurrency: args.concurrency,
      catalog,
      serviceKey: env.serviceKey,
      authSecret: env.authSecret,
      seedSecret: env.seedSecret,
      onTry: (attempt) => say(`try ${attempt + 1}/${k}…`),
    });
  } catch (error) {
    process.stderr.write(
      `simulate --repeat failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  const { figures, runs, run } = result;
  // The figures first: a database that cannot take them (held by npm start) loses nothing.
  if (!args.json) process.stdout.write(`${formatConsistency(figures).join('\n')}\n`);
  let runId: number | null = null;
  let failure: string | null = null;
  try {
    const database = await createDatabase(env.databaseUrl);
    try {
      runId = await storeConsistencyRun(database, run);
    } finally {
      await database.close();
    }
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ...figures, runs, stored: runId }, null, 2)}\n`);
  }
  if (failure !== null) {
    process.stderr.write(
      `simulate --repeat: the figures were not stored in ${where}: ${failure}\n`,
    );
    process.exit(1);
  }
  say(
    `stored as consistency run #${runId} in ${where}; see it with npm run report or on the console's Consistency page`,
  );
}

function bar(share: number): string {
  const width = 24;
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}
