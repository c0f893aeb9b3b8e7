import type { ClaimBudget } from '@mana/contracts';
import type { Logger } from 'pino';
import type { Brain } from './brains/types';
import { GatewayConnections } from './clients/gateway-connections';
import { IdentityClient } from './clients/identity';
import { InternalApiClient } from './clients/internal-api';
import type { RetryPolicy } from './clients/retry';
import { createRunnerMetrics, type RunnerMetrics } from './metrics';
import { withTargetSignIn } from './target/persona-authenticator';
import type { RunnerTarget } from './target/runner-target';
import type { DayDeps } from './tick/day-deps';
import { Journal } from './tick/journal';
import { Outbox } from './tick/outbox';
import { runTick, type TickResult } from './tick/run-tick';

/** Everything a runner needs. */
export interface PersonaRunnerOptions {
  authUrl: string;
  /** Base URL of the MCP gateway. */
  mcpUrl: string;
  serviceKey: string;
  seedSecret: string;
  /** Undefined when the chosen brain lacks credentials: the loop stays off. */
  brain: Brain | undefined;
  runnerId: string;
  concurrency: number;
  personaTimeoutMs: number;
  tickIntervalMs: number;
  paused?: boolean | undefined;
  logger: Logger;
  clock?: (() => Date) | undefined;
  metrics?: RunnerMetrics | undefined;
  retry?: RetryPolicy | undefined;
  fetch?: typeof fetch | undefined;
  /** Called after every completed tick (e.g. to print a summary line). */
  onTick?: ((result: TickResult) => void) | undefined;
  /** Latency clock handed to brains (simulations add virtual time). */
  stopwatch?: (() => number) | undefined;
  /** How long one tool call may take before it counts as a timeout (default 30 s). */
  callTimeoutMs?: number | undefined;
  /** A claim's lease (default 120 s), renewed at a third of it while the day runs. */
  leaseSeconds?: number | undefined;
  /**
   * The runner's data directory (`RUNNER_DATA_DIR`): its crash journal lives there and
   * is replayed when the runner is built. Without it nothing is journaled.
   */
  dataDir?: string | undefined;
  /** Daily limits (`PERSONA_DAILY_TOKEN_BUDGET`, `DAILY_COST_CAP_USD`); none when absent. */
  budget?: ClaimBudget | undefined;
  /** The app the personas live in, when not the built-in one (a target file). */
  target?: RunnerTarget | undefined;
}

/** Why a tick did not run. */
export type TickSkip = {
  skipped: 'paused' | 'in_flight' | 'disabled';
  reason?: string | undefined;
};

/**
 * The tick loop and its controls: one tick at a time (an in-flight guard, never
 * overlapping), pause and resume at run time, and a shutdown that stops scheduling,
 * lets the tick in flight finish within a grace period and then aborts its personas
 * (whose work so far is still stored).
 */
export class PersonaRunner {
  readonly metrics: RunnerMetrics;
  readonly brain: Brain | undefined;
  /** Why the runner cannot tick (missing key or brain credentials), if it cannot. */
  readonly disabledReason: string | undefined;
  readonly #options: PersonaRunnerOptions;
  readonly #identity: IdentityClient | undefined;
  readonly #shutdown = new AbortController();
  readonly #draining = new AbortController();
  /** What every tick and persona day runs with; undefined when the runner cannot tick. */
  readonly #day: DayDeps | undefined;
  #paused: boolean;
  #inFlight: Promise<TickResult> | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #last: { at: string; result?: TickResult; error?: string } | undefined;

  constructor(options: PersonaRunnerOptions) {
    this.#options = options;
    this.metrics = options.metrics ?? createRunnerMetrics();
    this.brain = options.brain;
    this.#paused = options.paused ?? false;
    const missing = [
      !options.serviceKey && 'MANA_SERVICE_KEY',
      !options.seedSecret && 'PERSONA_SEED_SECRET',
      !options.brain && 'the brain’s credentials (ANTHROPIC_API_KEY)',
    ].filter(Boolean);
    this.disabledReason = missing.length > 0 ? `missing ${missing.join(', ')}` : undefined;
    if (options.seedSecret) {
      this.#identity = new IdentityClient({
        authUrl: options.authUrl,
        seedSecret: options.seedSecret,
        serviceKey: options.serviceKey,
        retry: options.retry,
        fetch: options.fetch,
      });
    }
    this.#day = dayDeps(options, this.#identity, this.metrics, {
      shutdown: this.#shutdown.signal,
      draining: this.#draining.signal,
    });
  }

  /**
   * Logs a persona in with its derived password and returns its id and personal space:
   * the quickest check that the runner can act as a persona (`GET /diag/login`).
   */
  async diagLogin(email: string): Promise<{ userId: string; spaceId: string }> {
    if (!this.#identity) throw new Error('PERSONA_SEED_SECRET is not set');
    const { userId, spaces } = await this.#identity.passwordSession(email);
    const personal = spaces.find((s) => s.type === 'personal');
    if (!personal) throw new Error(`${email} has no personal space`);
    return { userId, spaceId: personal.id };
  }

  get paused(): boolean {
    return this.#paused;
  }

  get inFlight(): boolean {
    return this.#inFlight !== undefined;
  }

  /** Writes waiting for the identity service to come back. */
  get pendingWrites(): number {
    return this.#day?.outbox.size ?? 0;
  }

  /** The last tick's time and result or error. */
  get last() {
    return this.#last;
  }

  /** Stops starting ticks (a tick in flight finishes). */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }

  /** Runs a tick now unless one is in flight, the runner is paused, or it cannot run. */
  async tick(): Promise<TickResult | TickSkip> {
    if (this.disabledReason || !this.#day) {
      return { skipped: 'disabled', reason: this.disabledReason };
    }
    if (this.#inFlight) {
      this.metrics.run('skipped_in_flight');
      return { skipped: 'in_flight' };
    }
    if (this.#paused) {
      this.metrics.run('skipped_paused');
      return { skipped: 'paused' };
    }
    const o = this.#options;
    const started = performance.now();
    this.#inFlight = runTick(this.#day, { concurrency: o.concurrency });

    try {
      const result = await this.#inFlight;
      this.metrics.run('completed', (performance.now() - started) / 1000);
      this.#last = { at: new Date().toISOString(), result };
      o.onTick?.(result);

      o.logger.info(
        {
          tickId: result.tickId,
          due: result.due,
          ok: result.ranSuccessfully,
          failed: result.failed.length,
          ms: result.durationMs,
          ...(result.costCapReached ? { costCapReached: true } : {}),
        },
        'tick',
      );
      return result;
    } catch (error) {
      this.metrics.run('failed');
      this.#last = {
        at: new Date().toISOString(),
        error: error instanceof Error ? error.message : String(error),
      };
      throw error;
    } finally {
      this.#inFlight = undefined;
    }
  }

  /** Starts the loop: a tick now, then every `tickIntervalMs`. No-op when disabled. */
  start(): void {
    if (this.disabledReason || this.#timer) return;
    const fire = () => {
      this.tick().catch((error: unknown) =>
        this.#options.logger.error({ err: error }, 'tick failed'),
      );
    };
    this.#timer = setInterval(fire, this.#options.tickIntervalMs);
    this.#timer.unref?.();
    setImmediate(fire);
  }

  /**
   * Stops scheduling and starting persona days (the tick in flight releases the personas
   * it claimed but did not start); waits up to `graceMs` for the days running, then
   * aborts them and waits for them to store what they did.
   */
  async stop(graceMs: number): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#paused = true;
    this.#draining.abort();
    const inFlight = this.#inFlight;
    if (!inFlight) {
      await this.#day?.gateways?.close();
      return;
    }
    const settled = inFlight.then(
      () => true,
      () => true,
    );
    const finished = await Promise.race([settled, sleep(graceMs).then(() => false)]);
    if (!finished) {
      this.#options.logger.warn(
        { graceMs },
        'grace period over: aborting the personas still running',
      );
      this.#shutdown.abort(new Error('the runner is shutting down'));
      await settled;
    }
    await this.#day?.gateways?.close();
  }
}

/**
 * The per-day dependencies, built once: undefined without the service key, the seed
 * secret (no `identity`) or a brain, when the runner cannot tick.
 */
function dayDeps(
  options: PersonaRunnerOptions,
  identity: IdentityClient | undefined,
  metrics: RunnerMetrics,
  signals: { shutdown: AbortSignal; draining: AbortSignal },
): DayDeps | undefined {
  if (!options.serviceKey || !identity || !options.brain) return undefined;
  const api = new InternalApiClient({
    authUrl: options.authUrl,
    serviceKey: options.serviceKey,
    retry: options.retry,
    fetch: options.fetch,
  });
  const journal = options.dataDir ? Journal.open(options.dataDir, options.logger) : undefined;
  const outbox = new Outbox(
    api,
    { runnerId: options.runnerId, metrics, logger: options.logger },
    journal,
  );
  if (journal) {
    // What a crashed run still owed goes out first, with the first tick's flush.
    const owed = journal.replay();
    outbox.restore(owed);
    if (owed.length > 0)
      options.logger.warn(
        { owed: owed.length, path: journal.path },
        'journal: writes a previous run still owed will be delivered',
      );
  }
  return {
    api,
    identity: options.target?.signIn ? withTargetSignIn(identity, options.target.signIn) : identity,
    ...(options.target ? { target: options.target } : {}),
    brain: options.brain,
    outbox,
    ...(journal ? { journal } : {}),
    gateways: new GatewayConnections(),
    mcpUrl: options.mcpUrl.replace(/\/+$/, ''),
    runnerId: options.runnerId,
    clock: options.clock ?? (() => new Date()),
    timeoutMs: options.personaTimeoutMs,
    logger: options.logger,
    metrics,
    ...signals,
    leaseSeconds: options.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    stopwatch: options.stopwatch ?? (() => performance.now()),
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  };
}

/** A claim's lease unless `RUNNER_LEASE_SECONDS` says otherwise. */
export const DEFAULT_LEASE_SECONDS = 120;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
