import { z } from 'zod';

const share = z.number().min(0).max(1).nullable();

/**
 * The consistency figures of one persona and module over k tries of the same days (or of
 * everything together, without persona and module): the spread of its ratings across the
 * tries and pass^k of its checks (τ-bench).
 */
export const consistencyFiguresRowSchema = z.object({
  /** Persona-days rated in every try: the spread and mean are taken over these. */
  ratedDays: z.number().int().min(0),
  /** Mean rating over all tries and days. */
  ratingMean: z.number().nullable(),
  /** Mean over days of the ratings' standard deviation across tries (0: always the same). */
  ratingSd: z.number().min(0).nullable(),
  /** Largest difference between two tries' ratings of one day. */
  ratingRange: z.number().int().min(0).max(4).nullable(),
  /** Persona-days whose module saw a check in at least one try: pass^k's tasks. */
  checkedDays: z.number().int().min(0),
  /** Share of those days whose checks all passed in all k tries (τ-bench's pass^k). */
  passK: share,
  /** Share of those days whose checks all passed in at least one try (pass@k). */
  passAtK: share,
});
export type ConsistencyOverall = z.output<typeof consistencyFiguresRowSchema>;

/** One persona and module over `k` tries of the same days. */
export const consistencyRowSchema = consistencyFiguresRowSchema.extend({
  persona: z.string(),
  module: z.string(),
});
export type ConsistencyRow = z.output<typeof consistencyRowSchema>;

/** The consistency of a repeated run: per persona and module, then all together. */
export const consistencyFiguresSchema = z.object({
  tries: z.number().int().min(2),
  rows: z.array(consistencyRowSchema),
  overall: consistencyFiguresRowSchema,
});
export type ConsistencyFigures = z.output<typeof consistencyFiguresSchema>;

/**
 * A stored `simulate --repeat k` (table `auth.consistency_runs` and its rows): what was
 * lived, when, and its figures. The report and the console show these.
 */
export const consistencyRunSchema = z.object({
  id: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Tries of the same days. */
  k: z.number().int().min(2),
  seed: z.number().int(),
  days: z.number().positive(),
  brain: z.string(),
  personaCount: z.number().int().min(0),
  /** Persona-days of one try. */
  personaDays: z.number().int().min(0),
  simulatedFrom: z.iso.datetime(),
  simulatedTo: z.iso.datetime(),
  faults: z.string().nullable(),
  overall: consistencyFiguresRowSchema,
  /** Per persona and module, by persona then module. */
  rows: z.array(consistencyRowSchema),
});
export type ConsistencyRun = z.output<typeof consistencyRunSchema>;

/** A stored run without its rows: the console's list of earlier runs. */
export type ConsistencyRunSummary = Omit<ConsistencyRun, 'rows'>;

/** What `simulate --repeat` stores: a run before the database gave it an id. */
export type ConsistencyRunInput = Omit<ConsistencyRun, 'id'>;

/**
 * Below this pass^k, or above this rating spread, the report and the console flag a
 * persona and module: it passes its checks only some of the time, or rates the same day
 * differently from try to try.
 */
export const CONSISTENCY_FLAGS = {
  /** pass^k below 0.8: at least one checked day in five failed in some try. */
  minPassK: 0.8,
  /** Mean spread of a day's ratings above half a star. */
  maxRatingSd: 0.5,
  /** One day rated two or more stars apart across tries. */
  maxRatingRange: 1,
} as const;

/** Why a row of consistency figures is flagged (none: it held steady). */
export function consistencyFlags(
  row: Pick<ConsistencyOverall, 'passK' | 'ratingSd' | 'ratingRange'>,
): ('low-pass-k' | 'wide-spread')[] {
  const flags: ('low-pass-k' | 'wide-spread')[] = [];
  if (row.passK !== null && row.passK < CONSISTENCY_FLAGS.minPassK) flags.push('low-pass-k');
  if (
    (row.ratingSd !== null && row.ratingSd > CONSISTENCY_FLAGS.maxRatingSd) ||
    (row.ratingRange !== null && row.ratingRange > CONSISTENCY_FLAGS.maxRatingRange)
  ) {
    flags.push('wide-spread');
  }
  return flags;
}
