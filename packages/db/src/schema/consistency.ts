import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  doublePrecision,
  index,
  integer,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { authSchema } from './auth';

/**
 * One `npm run simulate -- --repeat k`: the same persona-days lived k times, each try in a
 * throwaway database; this row is what it was asked to do and its figures over everything
 * (the `overall` line of the consistency figures). Written once the tries have finished.
 */
export const consistencyRuns = authSchema.table(
  'consistency_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    /** Tries of the same days (k of pass^k). */
    k: smallint('k').notNull(),
    seed: integer('seed').notNull(),
    /** Simulated days (a fraction of a day is allowed). */
    days: doublePrecision('days').notNull(),
    brain: text('brain').notNull(),
    /** Personas that lived at least one day in the first try. */
    personaCount: integer('persona_count').notNull(),
    /** Persona-days of one try (every try lives the same ones). */
    personaDays: integer('persona_days').notNull(),
    /** The simulated span: its first hour and the hour after its last. */
    simulatedFrom: timestamp('simulated_from', { withTimezone: true }).notNull(),
    simulatedTo: timestamp('simulated_to', { withTimezone: true }).notNull(),
    /** The fault drill's spec when one was switched on, else null. */
    faults: text('faults'),
    ratedDays: integer('rated_days').notNull(),
    ratingMean: doublePrecision('rating_mean'),
    ratingSd: doublePrecision('rating_sd'),
    ratingRange: smallint('rating_range'),
    checkedDays: integer('checked_days').notNull(),
    passK: doublePrecision('pass_k'),
    passAtK: doublePrecision('pass_at_k'),
  },
  (t) => [
    check('consistency_runs_k_check', sql`${t.k} >= 2`),
    check('consistency_runs_pass_check', sql`${t.passK} between 0 and 1`),
    index('consistency_runs_started_idx').on(t.startedAt.desc()),
  ],
);

/**
 * A consistency run's figures for one persona and module: the spread of its ratings across
 * the tries and pass^k of its checks, with the days each was taken over.
 */
export const consistencyRows = authSchema.table(
  'consistency_rows',
  {
    runId: bigint('run_id', { mode: 'number' })
      .notNull()
      .references(() => consistencyRuns.id, { onDelete: 'cascade' }),
    /** The persona's email: the tries' databases are gone, and with them their user ids. */
    persona: text('persona').notNull(),
    module: text('module').notNull(),
    /** Persona-days rated in every try: the spread and mean are taken over these. */
    ratedDays: integer('rated_days').notNull(),
    ratingMean: doublePrecision('rating_mean'),
    /** Mean over days of the population standard deviation of a day's k ratings. */
    ratingSd: doublePrecision('rating_sd'),
    /** The widest spread of one day's ratings (max − min). */
    ratingRange: smallint('rating_range'),
    /** Persona-days whose module made a check in any try: pass^k's tasks. */
    checkedDays: integer('checked_days').notNull(),
    passK: doublePrecision('pass_k'),
    passAtK: doublePrecision('pass_at_k'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.persona, t.module] }),
    check('consistency_rows_pass_check', sql`${t.passK} between 0 and 1`),
  ],
);
