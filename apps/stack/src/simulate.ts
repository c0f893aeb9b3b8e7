import { MAX_LEASE_SECONDS } from '@mana/contracts';
import { type Database, selectRows } from '@mana/db';
import type { Brain } from '@mana/persona-runner';
import type { Catalog } from '@mana/personas';
import { type Fault, FaultInjector, formatFaults } from '@mana/tool-registry';
import { sql } from 'drizzle-orm';
import { startStack } from './stack';
import type { LoadedTarget } from './target/load-target';
import { VirtualTime } from './virtual-time';

const HOUR = 3600_000;

/** What a simulation needs. */
export interface SimulateOptions {
  /** The configured database (unset: embedded PGlite in `.data/pglite`). */
  databaseUrl?: string | undefined;
  days: number;
  /** Seeds the fault drill's dice (the scripted brain gets its own seed). */
  seed: number;
  brain: Brain;
  /** First simulated hour; default: the last `days` days up to now, or right after the latest activity. */
  start?: Date | undefined;
  /** Real now (tests pin it). */
  now?: Date | undefined;
  /** Faults to switch on during the run. */
  faults?: Fault[] | undefined;
  /** The simulated day (0-based) the faults switch on; default the middle of the run. */
  faultFromDay?: number | undefined;
  /** Time calls on a seeded model instead of real time (see {@link VirtualTime}); the drill does. */
  modelLatency?: boolean | undefined;
  /** Personas at a time; 1 (the default) makes runs repeatable. */
  concurrency?: number | undefined;
  serviceKey: string;
  authSecret: string;
  seedSecret: string;
  onProgress?: ((progress: SimulationProgress) => void) | undefined;
  /** Told when the start had to move past existing activity. */
  onNotice?: ((message: string) => void) | undefined;
  /** The app the personas live in (a loaded target file); default the built-in one. */
  target?: LoadedTarget | undefined;
  /** The personas to seed (default the target's catalog, else the built-in one). */
  catalog?: Catalog | undefined;
  /** Reads what the run stored, after the last tick and before the stack closes (the drill and `--repeat` read their figures here). */
  onFinished?: ((db: Database) => Promise<void>) | undefined;
}

/** Where a simulation is. */
export interface SimulationProgress {
  hour: number;
  hours: number;
  at: Date;
  personaDays: number;
  actions: number;
  failed: number;
  faultsOn: boolean;
}

/** What a simulation did. */
export interface SimulationSummary {
  start: string;
  end: string;
  ticks: number;
  personaDays: number;
  actions: number;
  ratings: number;
  failed: number;
  faults: { spec: string; from: string } | null;
  durationMs: number;
  /** Of which starting the stack and seeding the personas (the rest is the simulated hours). */
  setupMs: number;
}

/**
 * Runs the catalog personas through `days` days of their cadences on a virtual clock:
 * the real services in-process (identity with its due rules, gateway, runner), one tick
 * per simulated hour, the same persistence path as a live run, no real waiting. With
 * faults, the fault drill switches on at `faultFromDay`.
 */
export async function simulate(options: SimulateOptions): Promise<SimulationSummary> {
  const startedAt = performance.now();
  const realNow = options.now ?? new Date();
  const time = new VirtualTime(realNow, options.modelLatency ? { latencySeed: options.seed } : {});
  const faults = new FaultInjector({ sleep: time.sleep, seed: options.seed });
  const stack = await startStack({
    databaseUrl: options.databaseUrl,
    authPort: 0,
    mcpPort: 0,
    serviceKey: options.serviceKey,
    authSecret: options.authSecret,
    seedSecret: options.seedSecret,
    clock: time.clock,
    appClock: time.appClock,
    faults,
    target: options.target,
    catalog: options.catalog,
    runner: {
      brain: options.brain,
      port: 0,
      runnerId: 'sim',
      startLoop: false,
      concurrency: options.concurrency ?? 1,
      personaTimeoutMs: 300_000,
      // The virtual clock runs ahead of real time inside a tick: a lease as long as the
      // identity service allows keeps a simulated day from outliving its claim.
      leaseSeconds: MAX_LEASE_SECONDS,
      clock: time.clock,
      stopwatch: time.stopwatch,
    },
  });
  const setupMs = Math.round(performance.now() - startedAt);
  try {
    const start =
      options.start ??
      (await defaultStart(stack.database.db, realNow, options.days, options.onNotice));
    const hours = Math.round(options.days * 24);
    const faultHour = Math.round((options.faultFromDay ?? options.days / 2) * 24);
    const summary = { ticks: 0, personaDays: 0, actions: 0, ratings: 0, failed: 0 };
    const runner = stack.runner?.runner;
    if (!runner) throw new Error('the stack started without a runner');
    for (let hour = 0; hour < hours; hour++) {
      const at = new Date(start.getTime() + hour * HOUR);
      time.set(at);
      const faultsOn = Boolean(options.faults?.length) && hour >= faultHour;
      if (faultsOn && faults.current().length === 0) faults.set(options.faults ?? []);
      const result = await runner.tick();
      if (!('tickId' in result))
        throw new Error(`the runner did not tick: ${result.skipped} ${result.reason ?? ''}`);
      summary.ticks++;
      summary.personaDays += result.due;
      summary.failed += result.failed.length;
      for (const p of result.personas) {
        summary.actions += p.actions;
        summary.ratings += p.ratings;
      }
      options.onProgress?.({
        hour: hour + 1,
        hours,
        at,
        personaDays: summary.personaDays,
        actions: summary.actions,
        failed: summary.failed,
        faultsOn,
      });
    }
    await options.onFinished?.(stack.database.db);
    return {
      start: start.toISOString(),
      end: new Date(start.getTime() + hours * HOUR).toISOString(),
      ...summary,
      faults: options.faults?.length
        ? {
            spec: formatFaults(options.faults),
            from: new Date(start.getTime() + faultHour * HOUR).toISOString(),
          }
        : null,
      durationMs: Math.round(performance.now() - startedAt),
      setupMs,
    };
  } finally {
    await stack.close();
  }
}

/**
 * Where a simulation starts when not told: the last `days` days up to now on a database without persona activity; otherwise the
 * hour after the latest activity, because the due rules only move forward (a persona
 * active "later" is never due "earlier").
 */
export async function defaultStart(
  db: Database,
  now: Date,
  days: number,
  notice?: (m: string) => void,
): Promise<Date> {
  const [row] = await selectRows<{ latest: Date | string | null }>(
    db,
    sql`select greatest(
          (select max(created_at) from auth.persona_actions),
          (select max(coalesce(finished_at, started_at)) from auth.persona_ticks),
          (select max(last_active_at) from auth.personas)
        ) as latest`,
  );
  const fresh = new Date(Math.floor((now.getTime() - days * 24 * HOUR) / HOUR) * HOUR);
  if (!row?.latest) return fresh;
  const latest = new Date(row.latest);
  if (latest < fresh) return fresh;
  const start = new Date(Math.ceil((latest.getTime() + 1) / HOUR) * HOUR);
  notice?.(
    `The database already has persona activity up to ${latest.toISOString()}, so the simulation continues from ${start.toISOString()}` +
      ' (the due rules only move forward). For the last days up to now instead, simulate into a fresh database.',
  );
  return start;
}
