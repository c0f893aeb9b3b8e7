import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';

/** One day of one persona's ratings of one module. */
export interface PersonaDailyRating {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  module: string;
  mean: number;
  count: number;
}

/** One day of one persona's calls, counted as the detectors count them. */
export interface PersonaDailyCalls {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  calls: number;
  /** Calls that reached the app's logic (all but `invalid_input`). */
  reached: number;
  /** App errors, timeouts and transport failures (among `reached`). */
  failures: number;
  /** Refused inputs: usually the persona's own mistake, kept apart from failures. */
  invalidInput: number;
  /** Calls the persona looked at again, and those whose check failed. */
  checked: number;
  checkFailed: number;
}

/** A persona's trend over a time range: ratings per module per day and calls per day. */
export interface PersonaTrend {
  ratings: PersonaDailyRating[];
  calls: PersonaDailyCalls[];
}

/**
 * One persona's daily mean rating per module and its daily call counts (failures,
 * refused inputs, checks) in `(start, end]`: two aggregates, each served by the
 * `(persona_id, created_at desc)` index of its table. Days without activity are absent.
 *
 * @example
 * const { ratings, calls } = await personaTrend(db, 'user-anna', { start, end });
 */
export async function personaTrend(
  db: Database,
  personaId: string,
  range: { start: string; end: string },
): Promise<PersonaTrend> {
  const day = sql`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`;
  const inRange = sql`persona_id = ${personaId}
    and created_at > ${range.start}::timestamptz and created_at <= ${range.end}::timestamptz`;
  const [ratings, calls] = await Promise.all([
    selectRows<{ day: string; module: string; mean: number; count: number }>(
      db,
      sql`select ${day} as day, module, avg(rating)::float8 as mean, count(*)::int as count
          from auth.persona_feedback
          where ${inRange} and module not like '\\_\\_%'
          group by day, module
          order by day, module`,
    ),
    selectRows<{
      day: string;
      calls: number;
      invalid_input: number;
      failures: number;
      checked: number;
      check_failed: number;
    }>(
      db,
      sql`select ${day} as day, count(*)::int as calls,
                 count(*) filter (where outcome = 'invalid_input')::int as invalid_input,
                 count(*) filter (where outcome in ('app_error', 'timeout', 'transport'))::int as failures,
                 count(*) filter (where check_status is not null)::int as checked,
                 count(*) filter (where check_status = 'failed')::int as check_failed
          from auth.persona_actions
          where ${inRange}
          group by day
          order by day`,
    ),
  ]);
  return {
    ratings: ratings.map((r) => ({
      day: r.day,
      module: r.module,
      mean: Number(r.mean),
      count: Number(r.count),
    })),
    calls: calls.map((r) => ({
      day: r.day,
      calls: Number(r.calls),
      reached: Number(r.calls) - Number(r.invalid_input),
      failures: Number(r.failures),
      invalidInput: Number(r.invalid_input),
      checked: Number(r.checked),
      checkFailed: Number(r.check_failed),
    })),
  };
}
