import type { DuePersona } from '@mana/contracts';
import type { DayDeps } from './day-deps';
import { liveDay } from './live-day';
import { type PersonaDayResult, recordDay } from './record-day';

/**
 * Takes one persona through its day: {@link liveDay} (record the tick as running, log in,
 * choose the space, let the brain live the day and rate it), then {@link recordDay} (store
 * actions, ratings and the tick record). Never throws: a failure or timeout ends as the
 * tick's status, and whatever was done before it is still stored.
 */
export async function runPersonaDay(
  persona: DuePersona,
  tickId: string,
  deps: DayDeps,
): Promise<PersonaDayResult> {
  return recordDay(await liveDay(persona, tickId, deps), deps);
}
