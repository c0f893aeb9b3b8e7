import type { Brain } from '@mana/persona-runner';
import { simulate } from '../simulate';
import { freshDrillDatabase } from './drill-database';
import { evaluateRun, type KindOutcome } from './drill-evaluate';
import { type DrillKind, drillFaults } from './drill-kinds';

const DAY = 24 * 3600_000;
/** Simulated time starts on a fixed Monday, so runs repeat. */
export const DRILL_START = new Date('2026-11-16T00:00:00Z');

/** What a drill runs. */
export interface DrillOptions {
  kinds: readonly DrillKind[];
  seeds: number;
  /** Clean runs (no fault) after the drill runs, to count false alerts. */
  clean: number;
  days: number;
  /** The simulated day (0-based) the regressions switch on. */
  onsetDay: number;
  /** First seed; run i uses seed `firstSeed + i` (clean runs continue after the drill runs). */
  firstSeed: number;
  /** A PostgreSQL server to create a fresh database on per run; unset: in-memory PGlite. */
  databaseUrl?: string | undefined;
  brainFor: (seed: number) => Brain;
  secrets: { serviceKey: string; authSecret: string; seedSecret: string };
  onProgress?: ((p: DrillProgress) => void) | undefined;
}

/** Where the drill is. */
export interface DrillProgress {
  run: number;
  runs: number;
  seed: number;
  clean: boolean;
  day: number;
  days: number;
  phase: 'simulate' | 'report' | 'done';
}

/** One simulation of the drill. */
export interface DrillRun {
  seed: number;
  clean: boolean;
  kinds: KindOutcome[];
  falseAlerts: { id: string; summary: string }[];
  collateral: { id: string; summary: string }[];
  toolCalls: number;
  durationMs: number;
}

/** Everything the drill found, and its score. */
export interface DrillResult {
  spec: string;
  days: number;
  onsetDay: number;
  /** Days after the onset an alert may take and still count (at most 7). */
  windowDays: number;
  runs: DrillRun[];
  score: {
    /** Injected regressions flagged on the right tool within `windowDays`, of all injected. */
    flagged: number;
    injected: number;
    /** Alerts of clean runs, plus alerts outside the injected modules on drill runs. */
    falseAlerts: number;
    /** Tool calls per simulated week, mean over all runs. */
    callsPerWeek: number;
  };
  durationMs: number;
}

/**
 * The drill suite: injects each regression kind at one tool from `onsetDay`, all in one
 * simulation per seed, each simulation in a fresh database; then runs the report's
 * detectors day by day after the onset and scores what they flagged, on which tool,
 * how soon, and what they raised that was never injected (clean runs: any alert).
 */
export async function runDrill(options: DrillOptions): Promise<DrillResult> {
  const startedAt = performance.now();
  const faults = drillFaults(options.kinds);
  const windowDays = Math.min(7, options.days - options.onsetDay);
  if (windowDays < 1) throw new Error('the onset day must leave at least one day before the end');
  const plan = [
    ...Array.from({ length: options.seeds }, () => false),
    ...Array.from({ length: options.clean }, () => true),
  ];
  const runs: DrillRun[] = [];
  for (const [i, clean] of plan.entries()) {
    const seed = options.firstSeed + i;
    const progress = (day: number, phase: DrillProgress['phase']) =>
      options.onProgress?.({
        run: i + 1,
        runs: plan.length,
        seed,
        clean,
        day,
        days: options.days,
        phase,
      });
    const database = await freshDrillDatabase(options.databaseUrl);
    const onset = new Date(DRILL_START.getTime() + options.onsetDay * DAY);
    const end = new Date(DRILL_START.getTime() + options.days * DAY);
    let evaluation: Awaited<ReturnType<typeof evaluateRun>> | undefined;
    try {
      const summary = await simulate({
        ...options.secrets,
        databaseUrl: database.url,
        days: options.days,
        seed,
        brain: options.brainFor(seed),
        start: DRILL_START,
        now: end,
        modelLatency: true,
        ...(clean ? {} : { faults, faultFromDay: options.onsetDay }),
        onProgress: (p) => {
          if (p.hour % 24 === 0) progress(p.hour / 24, 'simulate');
        },
        onFinished: async (db) => {
          progress(options.days, 'report');
          evaluation = await evaluateRun(db, {
            kinds: clean ? [] : options.kinds,
            onset,
            end,
            maxDays: windowDays,
            finalDays: windowDays,
          });
        },
      });
      if (!evaluation) throw new Error('the simulation ended without a report');
      runs.push({
        seed,
        clean,
        ...evaluation,
        toolCalls: summary.actions,
        durationMs: summary.durationMs,
      });
      progress(options.days, 'done');
    } finally {
      await database.drop();
    }
  }
  const drillRuns = runs.filter((r) => !r.clean);
  return {
    spec: faults.length ? options.kinds.map((k) => `${k.tool}:${k.settings}`).join(';') : '',
    days: options.days,
    onsetDay: options.onsetDay,
    windowDays,
    runs,
    score: {
      flagged: drillRuns.reduce(
        (n, r) => n + r.kinds.filter((k) => k.flagged === 'tool').length,
        0,
      ),
      injected: drillRuns.length * options.kinds.length,
      falseAlerts: runs.reduce((n, r) => n + r.falseAlerts.length, 0),
      callsPerWeek:
        runs.length > 0
          ? Math.round(runs.reduce((n, r) => n + (r.toolCalls * 7) / options.days, 0) / runs.length)
          : 0,
    },
    durationMs: Math.round(performance.now() - startedAt),
  };
}
