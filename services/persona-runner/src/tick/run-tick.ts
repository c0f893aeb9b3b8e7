import { type DueAnswer, personaTickId, runTickId } from '@mana/contracts';
import { fetchCoverage } from './coverage';
import type { DayDeps } from './day-deps';
import { runPersonaDay } from './persona-day';
import { runPool } from './pool';
import type { PersonaDayResult } from './record-day';

/** What one tick did. */
export interface TickResult {
  tickId: string;
  due: number;
  ranSuccessfully: number;
  failed: { personaId: string; email: string; error: string }[];
  durationMs: number;
  /** Each persona's day, in the order they were due. */
  personas: PersonaDayResult[];
}

/** What a tick takes beside the runner's {@link DayDeps}. */
export interface TickOptions {
  /** Persona days at a time (`PERSONA_CONCURRENCY`). */
  concurrency: number;
  /** At most this many due personas per tick (default: all). */
  limit?: number;
}

/**
 * One tick: deliver writes left over from earlier ticks, fetch the due personas and how
 * much each tool was exercised lately, and run their days in a pool of `concurrency`
 * (the next persona starts as soon as one finishes). A persona's failure or timeout is part of the result, never a failed tick;
 * only an unreachable identity service fails the tick itself (it throws).
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
  let due: DueAnswer;
  try {
    due = await deps.api.due(options.limit);
  } catch (error) {
    deps.metrics.error('due');
    throw error;
  }
  // The days log under the tick's logger and plan from the same coverage; everything
  // else they share with the runner.
  const coverage =
    due.personas.length > 0 ? await fetchCoverage(deps.api, log, deps.metrics) : new Map();
  const days: DayDeps = { ...deps, logger: log, coverage };
  const personas = await runPool(due.personas, options.concurrency, (persona) =>
    runPersonaDay(persona, personaTickId(tickId, persona.email), days),
  );
  const failed = personas
    .filter((p) => p.status !== 'ok')
    .map((p) => ({ personaId: p.personaId, email: p.email, error: p.error ?? p.status }));
  return {
    tickId,
    due: due.personas.length,
    ranSuccessfully: personas.length - failed.length,
    failed,
    durationMs: Math.round(performance.now() - started),
    personas,
  };
}
