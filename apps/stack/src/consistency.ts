import type { ConsistencyFigures, ConsistencyRunInput } from '@mana/contracts';
import { type Database, selectRows } from '@mana/db';
import type { Brain } from '@mana/persona-runner';
import { sql } from 'drizzle-orm';
import { consistencyFigures, type TryDay } from './consistency-figures';
import { type SimulateOptions, type SimulationSummary, simulate } from './simulate';

/** What a repeated simulation needs: a simulation's options, a brain per try, and k. */
export interface ConsistencyOptions
  extends Omit<SimulateOptions, 'databaseUrl' | 'brain' | 'onFinished'> {
  /** How many times each persona-day is lived (k ≥ 2). */
  repeat: number;
  /** A fresh brain for each try (0-based), so no try learns from another. */
  brain: (attempt: number) => Brain;
  /** Told when a try begins. */
  onTry?: ((attempt: number) => void) | undefined;
  /** The wall clock, for the run's started and finished times (tests pin it). */
  clock?: (() => Date) | undefined;
}

/** What {@link consistency} found: the figures, each try's summary, and the run to store. */
export interface ConsistencyResult {
  figures: ConsistencyFigures;
  runs: SimulationSummary[];
  /** The run as `auth.consistency_runs` keeps it (see `storeConsistencyRun`). */
  run: ConsistencyRunInput;
}

/**
 * Lives the same persona-days `repeat` times: each try a full simulation with the same
 * seed, start and virtual clock, into a fresh in-memory database (so no try sees the app
 * state another left), then compares the tries by tick id (the same in every try) and
 * reports the spread of ratings and pass^k of the checks per persona and module.
 * The configured `DATABASE_URL` is not touched.
 */
export async function consistency(options: ConsistencyOptions): Promise<ConsistencyResult> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const now = options.now ?? startedAt;
  const tries: TryDay[][] = [];
  const runs: SimulationSummary[] = [];
  let brainName = '';
  for (let attempt = 0; attempt < options.repeat; attempt++) {
    options.onTry?.(attempt);
    const brain = options.brain(attempt);
    brainName ||= brain.name;
    runs.push(
      await simulate({
        ...options,
        now,
        databaseUrl: 'memory://',
        brain,
        onFinished: async (db) => {
          tries.push(await tryDays(db));
        },
      }),
    );
  }
  const figures = consistencyFigures(tries);
  const first = runs[0];
  if (!first) throw new Error('--repeat: no try ran');
  return {
    figures,
    runs,
    run: {
      startedAt: startedAt.toISOString(),
      finishedAt: clock().toISOString(),
      k: options.repeat,
      seed: options.seed,
      days: options.days,
      brain: brainName,
      personaCount: new Set(tries[0]?.map((d) => d.persona)).size,
      personaDays: first.personaDays,
      simulatedFrom: first.start,
      simulatedTo: first.end,
      faults: first.faults ? `${first.faults.spec} from ${first.faults.from}` : null,
      overall: figures.overall,
      rows: figures.rows,
    },
  };
}

/** Every persona-day of one try with its ratings and checks per module. */
export async function tryDays(db: Database): Promise<TryDay[]> {
  const [ticks, ratings, checks] = await Promise.all([
    selectRows<{ id: string; email: string }>(
      db,
      sql`select t.id, u.email from auth.persona_ticks t join auth.users u on u.id = t.persona_id`,
    ),
    selectRows<{ tick_id: string; module: string; rating: number }>(
      db,
      sql`select tick_id, module, rating from auth.persona_feedback`,
    ),
    selectRows<{ tick_id: string; module: string; made: number | string; failed: number | string }>(
      db,
      sql`select tick_id, module,
            count(*) filter (where check_status is not null) as made,
            count(*) filter (where check_status = 'failed') as failed
          from auth.persona_actions group by tick_id, module`,
    ),
  ]);
  const days = new Map<string, TryDay>(
    ticks.map((t) => [t.id, { tickId: t.id, persona: t.email, ratings: {}, checks: {} }]),
  );
  for (const r of ratings) {
    const day = days.get(r.tick_id);
    if (day) day.ratings[r.module] = Number(r.rating);
  }
  for (const c of checks) {
    const day = days.get(c.tick_id);
    if (day) day.checks[c.module] = { made: Number(c.made), failed: Number(c.failed) };
  }
  return [...days.values()];
}
