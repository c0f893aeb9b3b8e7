import type { DayContext } from '../types';

import { createRng, type Rng } from './prng';

/**
 * The generator for one part (`live`, `rating`…) of a persona's day, seeded from the
 * brain's seed, the persona's email, the tick's time (`day.now` to the minute: an hourly
 * persona lives 24 different "days" a day, not the same one 24 times) and the space's
 * type and name — never from database ids, so two fresh databases live the same day.
 */
export function dayRng(
  seed: number,
  day: Pick<DayContext, 'persona' | 'now' | 'space'>,
  part: string,
): Rng {
  return createRng(
    'scripted-v1',
    seed,
    day.persona.email.toLowerCase(),
    day.now.toISOString().slice(0, 16),
    day.space.type,
    day.space.name,
    part,
  );
}
