import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { BrainSettings } from '@mana/persona-runner';
import { formatFaults } from '@mana/tool-registry';
import { defaultStart, type SimulateOptions, type SimulationSummary } from './simulate';
import type { FromWorker, ToWorker } from './simulate-worker-protocol';
import { startStack } from './stack';
import { VirtualTime } from './virtual-time';

const HOUR = 3600_000;
const WORKER = join(import.meta.dirname, 'simulate-worker.ts');

/** What `simulate --workers N` needs: a simulation's options, a worker count and brain settings. */
export interface WorkersSimulateOptions extends Omit<SimulateOptions, 'brain'> {
  /** Worker processes (2 or more; one is {@link simulate}). */
  workers: number;
  /** Each worker builds its own brain from these (a brain cannot cross a process). */
  brain: BrainSettings;
}

/** Raised for `--workers N > 1` on the embedded PGlite, which only one process can open. */
export class WorkersNeedPostgresError extends Error {
  constructor(workers: number) {
    super(
      `--workers ${workers} needs a PostgreSQL server (DATABASE_URL=postgres://…): the embedded PGlite database is opened by one process only. Use --workers 1, or point DATABASE_URL at a server.`,
    );
    this.name = 'WorkersNeedPostgresError';
  }
}

/** Throws {@link WorkersNeedPostgresError} unless `workers` processes can share `databaseUrl`. */
export function assertWorkersDatabase(databaseUrl: string | undefined, workers: number): void {
  if (workers <= 1) return;
  const url = databaseUrl?.trim() ?? '';
  if (!url.startsWith('postgres://') && !url.startsWith('postgresql://'))
    throw new WorkersNeedPostgresError(workers);
}

/**
 * `simulate --workers N`: the simulation of {@link simulate}, sharded over N worker
 * processes on one PostgreSQL database. This process migrates and seeds the database and
 * picks the start; each worker runs the identity service, the gateway and a runner of its
 * own. Hour by hour every worker's virtual clock is set to the same hour and ticks; the
 * due personas are shared out by the claims (`FOR UPDATE SKIP LOCKED`), so each
 * persona-day is lived once, by whichever worker claimed it. The summary has the shape of
 * a one-process run; which worker lived whom is not repeatable.
 */
export async function simulateWithWorkers(
  options: WorkersSimulateOptions,
): Promise<SimulationSummary> {
  assertWorkersDatabase(options.databaseUrl, options.workers);
  const startedAt = performance.now();
  const realNow = options.now ?? new Date();
  const time = new VirtualTime(realNow);
  const stack = await startStack({
    databaseUrl: options.databaseUrl,
    authPort: 0,
    mcpPort: 0,
    serviceKey: options.serviceKey,
    authSecret: options.authSecret,
    seedSecret: options.seedSecret,
    clock: time.clock,
    catalog: options.catalog,
  });
  const workers: WorkerProcess[] = [];
  try {
    const start =
      options.start ??
      (await defaultStart(stack.database.db, realNow, options.days, options.onNotice));
    const spec = options.faults?.length ? formatFaults(options.faults) : undefined;
    for (let index = 0; index < options.workers; index++) workers.push(new WorkerProcess(index));
    await Promise.all(
      workers.map((w) =>
        w.request({
          type: 'init',
          index: w.index,
          databaseUrl: options.databaseUrl as string,
          brain: options.brain,
          seed: options.seed,
          concurrency: options.concurrency ?? 1,
          modelLatency: options.modelLatency ?? false,
          faults: spec,
          now: realNow.toISOString(),
          serviceKey: options.serviceKey,
          authSecret: options.authSecret,
          seedSecret: options.seedSecret,
        }),
      ),
    );
    const setupMs = Math.round(performance.now() - startedAt);
    const hours = Math.round(options.days * 24);
    const faultHour = Math.round((options.faultFromDay ?? options.days / 2) * 24);
    const summary = { ticks: 0, personaDays: 0, actions: 0, ratings: 0, failed: 0 };
    for (let hour = 0; hour < hours; hour++) {
      const at = new Date(start.getTime() + hour * HOUR);
      const faultsOn = spec !== undefined && hour >= faultHour;
      const answers = await Promise.all(
        workers.map((w) => w.request({ type: 'tick', hour, at: at.toISOString(), faultsOn })),
      );
      summary.ticks++;
      for (const a of answers) {
        if (a.type !== 'ticked') continue;
        summary.personaDays += a.personaDays;
        summary.actions += a.actions;
        summary.ratings += a.ratings;
        summary.failed += a.failed;
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
    await Promise.all(workers.map((w) => w.close()));
    await options.onFinished?.(stack.database.db);
    return {
      start: start.toISOString(),
      end: new Date(start.getTime() + hours * HOUR).toISOString(),
      ...summary,
      faults: spec
        ? { spec, from: new Date(start.getTime() + faultHour * HOUR).toISOString() }
        : null,
      durationMs: Math.round(performance.now() - startedAt),
      setupMs,
    };
  } finally {
    for (const w of workers) w.kill();
    await stack.close();
  }
}

/** One worker process and its answers, in order. */
class WorkerProcess {
  readonly #child: ChildProcess;
  readonly #waiting: { resolve(m: FromWorker): void; reject(e: Error): void }[] = [];
  #gone: Error | undefined;

  constructor(readonly index: number) {
    this.#child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (message: FromWorker) => {
      const next = this.#waiting.shift();
      if (!next) return;
      if (message.type === 'error') next.reject(new Error(`worker ${index}: ${message.message}`));
      else next.resolve(message);
    });
    this.#child.on('exit', (code, signal) => {
      this.#gone = new Error(`worker ${index} exited (${signal ?? code})`);
      for (const w of this.#waiting.splice(0)) w.reject(this.#gone);
    });
  }

  /** Sends a message and waits for the worker's answer to it. */
  request(message: ToWorker): Promise<FromWorker> {
    if (this.#gone) return Promise.reject(this.#gone);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#child.send(message);
    });
  }

  /** Asks the worker to close its stack and waits for it to exit. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.send({ type: 'close' } satisfies ToWorker);
    await exited;
  }

  /** Ends the worker if it is still there (after a failure). */
  kill(): void {
    if (this.#child.exitCode === null && this.#child.signalCode === null)
      this.#child.kill('SIGKILL');
  }
}
