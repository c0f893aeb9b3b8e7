import { type DuePersona, personaTickId, runTickId } from '@mana/contracts';
import { ClaimKeeper } from './claim-keeper';
import { fetchCoverage } from './coverage';
import type { DayDeps } from './day-deps';
import { type LivedDay, liveDay } from './live-day';
import { type PersonaDayResult, recordDay } from './record-day';

/** What one tick did. */
export interface TickResult {
  tickId: string;
  /** Personas this tick claimed and lived (or tried to). */
  due: number;
  ranSuccessfully: number;
  failed: { personaId: string; email: string; error: string }[];
  durationMs: number;
  /** Each persona's day, in the order they were claimed. */
  personas: PersonaDayResult[];
  /** The daily cost cap stopped this tick from starting more persona-days. */
  costCapReached: boolean;
}

/** What a tick takes beside the runner's {@link DayDeps}. */
export interface TickOptions {
  /** Persona days at a time (`PERSONA_CONCURRENCY`); also the size of one claim. */
  concurrency: number;
  /** At most this many personas per tick (default: all that are due). */
  limit?: number;
}

/**
 * One tick: deliver writes left over from earlier ticks, then claim due personas in
 * batches of `concurrency` and live their days in a pool of `concurrency` lanes (a lane
 * takes the next claimed persona as soon as its day is lived, storing that day
 * meanwhile), until nothing more is due,
 * `limit` is reached, the runner is draining or the daily cost cap is reached. Each claim holds a lease that the
 * {@link ClaimKeeper} renews while the day runs; a lost lease aborts that day. Personas
 * claimed but never started are released, not failed. A persona's failure or timeout is
 * part of the result, never a failed tick; only an unreachable identity service fails the
 * tick itself (it throws, after releasing what it held).
 */
export async function runTick(deps: DayDeps, options: TickOptions): Promise<TickResult> {
  const started = performance.now();
  const tickId = runTickId(deps.runnerId, deps.clock());
  const log = deps.logger.child({ tickId });
  if (deps.outbox.size > 0) {
    try {
      const sent = await deps.outbox.flush();
      log.info({ sent }, 'delivered writes left from earlier ticks');
    } catch (error) {
      log.warn(
        { err: error, pending: deps.outbox.size },
        'earlier writes still cannot be delivered',
      );
    }
  }
  const keeper = new ClaimKeeper({
    api: deps.api,
    runnerId: deps.runnerId,
    leaseSeconds: deps.leaseSeconds,
    logger: log,
    metrics: deps.metrics,
    budget: deps.budget,
  });
  const stop = () => deps.draining?.aborted === true || deps.shutdown.aborted;
  const batch = Math.max(1, options.concurrency);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const personas: PersonaDayResult[] = [];
  let coverage: Promise<NonNullable<DayDeps['coverage']>> | undefined;
  let claimError: unknown;
  const next = () =>
    keeper.next(batch, limit, stop).catch((error: unknown) => {
      claimError ??= error;
      return undefined;
    });
  // A lane takes its next persona as soon as a day is lived and stores the day meanwhile
  // (at most one day a lane in storage): the store's round trips and the lease's release
  // are not what the next persona's model turns wait for.
  const lane = async () => {
    let storing: Promise<void> = Promise.resolve();
    for (let item = await next(); item; item = await next()) {
      // The days log under the tick's logger and plan from the same coverage.
      coverage ??= fetchCoverage(deps.api, log, deps.metrics);
      const lived = await liveClaimed(item.persona, item.lost, tickId, {
        ...deps,
        logger: log,
        coverage: await coverage,
      });
      // What it spent counts before the next day starts (the daily cost cap).
      keeper.spent(lived.persona.userId, {
        tokens: lived.usage.inputTokens + lived.usage.outputTokens,
        costUsd: lived.usage.costUsd,
      });
      await storing;
      storing = store(lived);
      keeper.storing(storing);
    }
    await storing;
  };
  const store = async (lived: LivedDay) => {
    keeper.storingDay(lived.persona.userId);
    const { result, released } = await recordDay(lived, deps);
    personas.push(result);
    await keeper.done(result.personaId, result.status === 'ok', released);
  };
  try {
    await Promise.all(Array.from({ length: batch }, lane));
  } finally {
    await keeper.end();
    // What was stored and acknowledged leaves the journal; the rest stays for a restart.
    deps.journal?.compact();
  }
  if (claimError !== undefined) {
    deps.metrics.error('due');
    if (keeper.claimed === 0) throw claimError;
    log.warn({ err: claimError }, 'claiming more personas failed; the next tick tries again');
  }
  const failed = personas
    .filter((p) => p.status !== 'ok')
    .map((p) => ({ personaId: p.personaId, email: p.email, error: p.error ?? p.status }));
  return {
    tickId,
    due: personas.length,
    ranSuccessfully: personas.length - failed.length,
    failed,
    durationMs: Math.round(performance.now() - started),
    personas,
    costCapReached: keeper.capReached,
  };
}

/** One claimed persona's day, aborted when the runner shuts down or the lease is lost. */
function liveClaimed(
  persona: DuePersona,
  lost: AbortSignal,
  tickId: string,
  deps: DayDeps,
): Promise<LivedDay> {
  const shutdown = AbortSignal.any([deps.shutdown, lost]);
  return liveDay(persona, personaTickId(tickId, persona.email), { ...deps, shutdown });
}
