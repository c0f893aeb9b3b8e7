import { z } from 'zod';
import { storedText } from './stored-values';

/**
 * Why a tool call failed:
 * - `invalid_input`: the app refused what the persona sent (validation, unknown id,
 *   a state that does not allow it): usually the persona's mistake, counted apart;
 * - `app_error`: the app failed (an exception, an output that breaks its schema);
 * - `timeout`: no answer in time;
 * - `transport`: the call did not get through (connection refused, a broken answer).
 */
export const ERROR_KINDS = ['invalid_input', 'app_error', 'timeout', 'transport'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * How one call ended, as analytics count it: `ok`, one of the error kinds, or
 * `check_failed` — the call answered ok, but what it said (or what a follow-up read
 * showed of its effect) was wrong.
 */
export const ACTION_OUTCOMES = ['ok', ...ERROR_KINDS, 'check_failed'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

/** A persona's verdict when it looked again. */
export const CHECK_STATUSES = ['passed', 'failed'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** Longest `expected` or `seen` text a check carries. */
export const MAX_CHECK_TEXT = 500;

/**
 * A persona's verdict on one call's answer, after it looked again: for a write, whether
 * its effect showed when read back; for a read, whether it showed what it must (an item
 * another read just showed). `by` is the index (in the same tick) of the call that
 * showed it; `expected` and `seen` say what differed.
 */
export const callCheckSchema = z.object({
  status: z.enum(CHECK_STATUSES),
  by: z.number().int().min(0).max(100_000).optional(),
  expected: storedText().max(MAX_CHECK_TEXT).optional(),
  seen: storedText().max(MAX_CHECK_TEXT).optional(),
});

export type CallCheck = z.output<typeof callCheckSchema>;

/**
 * The outcome of a call from its result, error kind and check. An error without a kind
 * (a row written before kinds existed) counts as `app_error`, as all errors did then.
 */
export function outcomeOf(row: {
  result: 'ok' | 'error';
  errorKind?: ErrorKind | undefined;
  check?: Pick<CallCheck, 'status'> | undefined;
}): ActionOutcome {
  if (row.result === 'error') return row.errorKind ?? 'app_error';
  return row.check?.status === 'failed' ? 'check_failed' : 'ok';
}
