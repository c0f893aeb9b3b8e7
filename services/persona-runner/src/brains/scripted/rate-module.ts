import type { ModuleExperience } from '../types';
import type { Rng } from './prng';

/** A slowest call past this (ms) is noticed and costs a point. */
export const SLOW_MAX_MS = 1000;
/** A median call past this (ms) makes the whole module feel sluggish: another point. */
export const SLOW_MEDIAN_MS = 500;
/** A call this slow feels broken, not just slow. */
export const AWFUL_MAX_MS = 5000;

/** How often an archetype knocks a flawless module down to 4 anyway (picky people). */
const PICKINESS: Record<string, number> = {
  'ceo-busy': 0.4,
  'solo-dev': 0.35,
  researcher: 0.3,
  freelancer: 0.2,
  'adhd-student': 0.15,
  'creative-parent': 0.15,
  'overwhelmed-newbie': 0.1,
};

/** Points the share of failed calls costs, when every call failed: the app failing… */
const APP_FAILURE_WEIGHT = 4;
/** …and when the app refused what the persona sent: often its own mistake, so less. */
const REFUSED_INPUT_WEIGHT = 3;
/** Points the share of checks that did not hold up costs: an ok that was not so. */
const FAILED_CHECK_WEIGHT = 4;
/** What any failed check costs on top: once the app lied, nothing it says is trusted. */
const BROKEN_TRUST = 1;

/**
 * A module's rating from what the persona went through: start at 5; lose up to 4 with
 * the share of calls the app failed (all failed → 1, half → 3) and up to 3 with the share
 * it refused as invalid input (the persona's own mistakes hurt less); lose up to 4 with
 * the share of calls whose check did not hold up, and 1 more for having been lied to at
 * all; lose 1 when the slowest call passed 1 s, 1 more when the median passed 500 ms, 1
 * more past 5 s; a picky archetype may give a flawless module a 4. Rounded and clamped to
 * 1..5.
 */
export function rateModule(experience: ModuleExperience, archetype: string, rng: Rng): number {
  const calls = Math.max(1, experience.calls);
  const refused = Math.min(experience.invalidInputs, experience.errors);
  let score =
    5 -
    (APP_FAILURE_WEIGHT * (experience.errors - refused)) / calls -
    (REFUSED_INPUT_WEIGHT * refused) / calls -
    (FAILED_CHECK_WEIGHT * experience.failedChecks) / calls;
  if (experience.failedChecks > 0) score -= BROKEN_TRUST;
  if (experience.latencyMaxMs > SLOW_MAX_MS) score -= 1;
  if (experience.latencyP50Ms > SLOW_MEDIAN_MS) score -= 1;
  if (experience.latencyMaxMs > AWFUL_MAX_MS) score -= 1;
  if (score === 5 && rng.chance(PICKINESS[archetype] ?? 0.2)) score = 4;
  return Math.min(5, Math.max(1, Math.round(score)));
}
