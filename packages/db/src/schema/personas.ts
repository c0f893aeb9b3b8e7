import type {
  ActionOutcome,
  ActionResult,
  CheckStatus,
  DeadLetterKind,
  ErrorKind,
  PersonaLocale,
  PersonaTraits,
  TickCadence,
  TickStatus,
} from '@mana/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { authSchema, users } from './auth';

/** One row per persona account: who it is and how often it acts. */
export const personas = authSchema.table(
  'personas',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    archetype: text('archetype').notNull(),
    systemPrompt: text('system_prompt').notNull(),
    moduleMix: jsonb('module_mix').$type<Record<string, number>>().notNull(),
    tickCadence: text('tick_cadence').$type<TickCadence>().notNull(),
    locale: text('locale').$type<PersonaLocale>().default('en').notNull(),
    timezone: text('timezone').default('UTC').notNull(),
    traits: jsonb('traits').$type<PersonaTraits>().default({}).notNull(),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }),
    /**
     * When the persona is next due by its cadence, kept on every write by a trigger
     * (`auth.persona_next_due`): year 1 when it never acted (so those come first), else
     * `last_active_at` + 1 h / 24 h, a `weekdays` persona's moved past its weekend. It lets
     * an index serve the due query; the exact rules are still checked there.
     */
    nextDueAt: timestamp('next_due_at', { withTimezone: true })
      .default(sql`'0001-01-01T00:00:00Z'`)
      .notNull(),
    /** The runner living the persona now, until `lease_until` (identity service's clock). */
    claimedBy: text('claimed_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .defaultNow()
      .$onUpdate(() => new Date())
      .notNull(),
  },
  (t) => [
    check('personas_tick_cadence_check', sql`${t.tickCadence} in ('hourly', 'daily', 'weekdays')`),
    check('personas_locale_check', sql`${t.locale} in ('en', 'de')`),
    index('personas_last_active_at_idx').on(t.lastActiveAt),
    index('personas_next_due_idx').on(t.nextDueAt, t.createdAt, t.userId),
    index('personas_lease_until_idx').on(t.leaseUntil).where(sql`${t.leaseUntil} is not null`),
  ],
);

/** Every tool call a persona made, one row each, id `${tickId}-${seq}-${toolName}`. */
export const personaActions = authSchema.table(
  'persona_actions',
  {
    id: text('id').primaryKey(),
    personaId: text('persona_id')
      .notNull()
      .references(() => personas.userId, { onDelete: 'cascade' }),
    tickId: text('tick_id').notNull(),
    seq: integer('seq').notNull(),
    toolName: text('tool_name').notNull(),
    module: text('module').notNull(),
    spaceId: text('space_id').notNull(),
    toolUseId: text('tool_use_id'),
    inputHash: text('input_hash'),
    result: text('result').$type<ActionResult>().notNull(),
    errorMessage: text('error_message'),
    latencyMs: integer('latency_ms'),
    /** Why an error happened; null for ok calls and for errors stored before kinds existed. */
    errorKind: text('error_kind').$type<ErrorKind>(),
    /** The normalised class of `error_message` (ids, numbers, quotes stripped). */
    errorSignature: text('error_signature'),
    /** What analytics count: ok, an error kind, or check_failed. */
    outcome: text('outcome').$type<ActionOutcome>().notNull(),
    /** The persona's verdict on this call's answer when it looked again. */
    checkStatus: text('check_status').$type<CheckStatus>(),
    checkExpected: text('check_expected'),
    checkSeen: text('check_seen'),
    /** `seq` of the call that showed the verdict. */
    checkBy: integer('check_by'),
    /** `seq` of the call this one was made to check. */
    checkOf: integer('check_of'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    check('persona_actions_result_check', sql`${t.result} in ('ok', 'error')`),
    check(
      'persona_actions_error_kind_check',
      sql`${t.errorKind} in ('invalid_input', 'app_error', 'timeout', 'transport')`,
    ),
    check(
      'persona_actions_outcome_check',
      sql`${t.outcome} in ('ok', 'invalid_input', 'app_error', 'timeout', 'transport', 'check_failed')`,
    ),
    check('persona_actions_check_status_check', sql`${t.checkStatus} in ('passed', 'failed')`),
    index('persona_actions_created_idx').on(t.createdAt),
    index('persona_actions_persona_created_idx').on(t.personaId, t.createdAt.desc()),
    index('persona_actions_tick_idx').on(t.tickId),
    index('persona_actions_module_created_idx').on(t.module, t.createdAt.desc()),
  ],
);

/** A persona's rating of one module in one tick, id `${tickId}-${module}`. */
export const personaFeedback = authSchema.table(
  'persona_feedback',
  {
    id: text('id').primaryKey(),
    personaId: text('persona_id')
      .notNull()
      .references(() => personas.userId, { onDelete: 'cascade' }),
    tickId: text('tick_id').notNull(),
    module: text('module').notNull(),
    rating: smallint('rating').notNull(),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    check('persona_feedback_rating_check', sql`${t.rating} between 1 and 5`),
    index('persona_feedback_module_created_idx').on(t.module, t.createdAt.desc()),
    index('persona_feedback_persona_created_idx').on(t.personaId, t.createdAt.desc()),
  ],
);

/** One record per persona per tick: who ran it, with which brain, and how it ended. */
export const personaTicks = authSchema.table(
  'persona_ticks',
  {
    id: text('id').primaryKey(),
    personaId: text('persona_id')
      .notNull()
      .references(() => personas.userId, { onDelete: 'cascade' }),
    runnerId: text('runner_id'),
    brain: text('brain'),
    model: text('model'),
    spaceId: text('space_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<TickStatus>().notNull(),
    error: text('error'),
    actionsCount: integer('actions_count').default(0).notNull(),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    /** Of `inputTokens`, those read from the model's prompt cache. */
    cacheReadTokens: integer('cache_read_tokens'),
    /** Of `inputTokens`, those written to the model's prompt cache. */
    cacheWriteTokens: integer('cache_write_tokens'),
    costUsd: doublePrecision('cost_usd'),
  },
  (t) => [
    check(
      'persona_ticks_status_check',
      sql`${t.status} in ('running', 'ok', 'failed', 'timeout', 'abandoned')`,
    ),
    index('persona_ticks_persona_started_idx').on(t.personaId, t.startedAt.desc()),
    index('persona_ticks_started_idx').on(t.startedAt.desc()),
  ],
);

/**
 * Writes of a persona day the identity service refused for good (a 4xx other than 408 and
 * 429), with the reason: kept for the operators instead of blocking the persona's later
 * writes. No foreign key: a letter outlives its persona, and may name one that never was.
 */
export const personaDeadLetters = authSchema.table(
  'persona_dead_letters',
  {
    id: text('id').primaryKey(),
    personaId: text('persona_id').notNull(),
    kind: text('kind').$type<DeadLetterKind>().notNull(),
    tickId: text('tick_id'),
    runnerId: text('runner_id'),
    status: integer('status').notNull(),
    reason: text('reason').notNull(),
    /** The refused write as JSON text. */
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    check('persona_dead_letters_kind_check', sql`${t.kind} in ('actions', 'feedback', 'tick')`),
    index('persona_dead_letters_created_idx').on(t.createdAt.desc()),
    index('persona_dead_letters_persona_created_idx').on(t.personaId, t.createdAt.desc()),
  ],
);
