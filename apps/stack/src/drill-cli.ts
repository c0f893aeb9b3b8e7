import { parseArgs } from 'node:util';
import { createBrain } from '@mana/persona-runner';
import { z } from 'zod';
import { runDrill } from './drill/drill';
import { formatDrill } from './drill/drill-format';
import { DRILL_KIND_NAMES, pickKinds } from './drill/drill-kinds';
import { parseStackEnv } from './env';

// `npm run drill -- [--seeds 3] [--clean 5] [--days 14] [--onset-day 7] [--kinds latency,noop] [--json]`
const usage = `usage: npm run drill -- [--seeds <n>] [--clean <n>] [--days <n>] [--onset-day <day>]
         [--kinds ${DRILL_KIND_NAMES.join(',')}] [--first-seed <n>] [--json]`;

const args = (() => {
  try {
    const { values } = parseArgs({
      options: {
        seeds: { type: 'string', default: '1' },
        clean: { type: 'string', default: '0' },
        days: { type: 'string', default: '14' },
        'onset-day': { type: 'string', default: '7' },
        kinds: { type: 'string' },
        'first-seed': { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const parsed = z
      .object({
        seeds: z.coerce.number().int().min(0).max(50),
        clean: z.coerce.number().int().min(0).max(50),
        days: z.coerce.number().int().min(2).max(60),
        'onset-day': z.coerce.number().int().min(1),
        'first-seed': z.coerce.number().int(),
        kinds: z.string().optional(),
        json: z.boolean(),
      })
      .parse(values);
    if (parsed['onset-day'] >= parsed.days) throw new Error('--onset-day must be before --days');
    return { ...parsed, picked: pickKinds(parsed.kinds?.split(',').map((k) => k.trim())) };
  } catch (error) {
    const detail =
      error instanceof z.ZodError
        ? error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`drill: ${detail}\n${usage}\n`);
    process.exit(2);
  }
})();

const env = parseStackEnv();
const tty = process.stderr.isTTY;
try {
  const result = await runDrill({
    kinds: args.picked,
    seeds: args.seeds,
    clean: args.clean,
    days: args.days,
    onsetDay: args['onset-day'],
    firstSeed: args['first-seed'],
    databaseUrl: env.databaseUrl,
    brainFor: (seed) => {
      const brain = createBrain({ brain: 'scripted', scriptedSeed: seed, processEnv: {} });
      if (!brain) throw new Error('the scripted brain is unavailable');
      return brain;
    },
    secrets: { serviceKey: env.serviceKey, authSecret: env.authSecret, seedSecret: env.seedSecret },
    onProgress: (p) => {
      const what =
        p.phase === 'simulate'
          ? `day ${p.day}/${p.days}`
          : p.phase === 'report'
            ? 'reports'
            : 'done';
      const line = `run ${p.run}/${p.runs} (${p.clean ? 'clean' : 'drill'}, seed ${p.seed}): ${what}`;
      if (tty) process.stderr.write(`\r${line.padEnd(60)}${p.phase === 'done' ? '\n' : ''}`);
      else process.stderr.write(`${line}\n`);
    },
  });
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else process.stdout.write(`${formatDrill(result).join('\n')}\n`);
} catch (error) {
  process.stderr.write(`drill failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
