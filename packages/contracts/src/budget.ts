import { z } from 'zod';
import { INT32_MAX } from './stored-values';

/**
 * The runner's daily limits, sent with every claim (`POST …/personas/claim`) so the
 * identity service applies them against the ticks it stores: "today" is the UTC day on
 * its clock, the same for every runner, and what was spent survives restarts.
 *
 * - `personaDailyTokens` (`PERSONA_DAILY_TOKEN_BUDGET`): a persona whose ticks started
 *   today used this many tokens (input, cache reads and writes included, plus output) is
 *   not claimed again today. It stays due and is claimed the next UTC day.
 * - `dailyCostUsd` (`DAILY_COST_CAP_USD`): once all ticks started today cost this much
 *   together, no persona is claimed until the next UTC day.
 *
 * Both are checked when a day starts; a day already running is finished (see
 * `docs/design.md`, "Budgets"), so spend can pass a limit by the days in flight.
 */
export const claimBudgetSchema = z
  .object({
    personaDailyTokens: z.number().int().min(1).max(INT32_MAX).optional(),
    dailyCostUsd: z.number().positive().max(1_000_000).optional(),
  })
  .strict();

export type ClaimBudget = z.output<typeof claimBudgetSchema>;

/**
 * What a budgeted claim saw, for the runner's log and `/metrics`: the UTC day, its spend so
 * far, whether the cost cap stopped the claim, how many personas reached their token
 * budget today, and the tokens each persona claimed had already used today (so the runner
 * can tell when a day takes its persona past the budget).
 */
export const budgetStateSchema = z.object({
  day: z.string(),
  spentUsd: z.number(),
  costCapReached: z.boolean(),
  personasAtTokenBudget: z.number().int(),
  tokensToday: z.record(z.string(), z.number()),
});

export type BudgetState = z.output<typeof budgetStateSchema>;

/** The first instant of `now`'s UTC day: budgets count the ticks started from it. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * A budget setting in an env schema: unset or empty is no limit; otherwise a positive
 * number (an integer when `integer`). The env parser names the setting when it is not.
 *
 * @example
 * const schema = z.object({ DAILY_COST_CAP_USD: budgetSettingSchema({ integer: false }) });
 */
export function budgetSettingSchema(options: { integer: boolean }) {
  const value = options.integer
    ? z.coerce.number().int().min(1).max(INT32_MAX)
    : z.coerce.number().positive().max(1_000_000);
  return z.preprocess((v) => (v === '' ? undefined : v), value.optional());
}
