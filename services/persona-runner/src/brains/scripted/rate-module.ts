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

/**
 * A module's rating from what the persona went through: start at 5, lose up to 4 with
 * the share of failed calls (all failed → 1, half → 3), lose 1 when the slowest call
 * passed 1 s, 1 more when the median passed 500 ms, 1 more past 5 s; a picky archetype
 * may give a flawless module a 4. Rounded and clamped to 1..5.
 */
export function rateModule(experience: ModuleExperience, archetype: string, rng: Rng): number {
  const share = experience.calls > 0 ? experience.errors / experience.calls : 0;
  let score = 5 - 4 * share;
  if (experience.latencyMaxMs > SLOW_MAX_MS) score -= 1;
  if (experience.latencyP50Ms > SLOW_MEDIAN_MS) score -= 1;
  if (experience.latencyMaxMs > AWFUL_MAX_MS) score -= 1;
  if (score === 5 && rng.chance(PICKINESS[archetype] ?? 0.2)) score = 4;
  return Math.min(5, Math.max(1, Math.round(score)));
}
