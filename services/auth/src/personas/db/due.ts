import {
  type DuePersona,
  FAILURE_BACKOFF_MINUTES,
  type PersonaLocale,
  type PersonaTraits,
  type TickCadence,
} from '@mana/contracts';
import { type Database, selectRows, toIso } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';

/** A due row as the database answers it. */
export interface DueRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  name: string;
  archetype: string;
  system_prompt: string;
  module_mix: Record<string, number> | string;
  tick_cadence: TickCadence;
  locale: PersonaLocale;
  timezone: string;
  traits: PersonaTraits | string;
  last_active_at: Date | string | null;
}

/**
 * The due query at `now`, up to `limit` rows, with `tail` appended (the claim adds
 * `for update of p skip locked`).
 *
 * `also` is one more condition on `p` (`and …`): the claim's token budget.
 *
 * The index `personas_next_due_idx (next_due_at, created_at, user_id)` serves both the
 * range and the order, so the database reads only due rows, in order, and stops at
 * `limit`: `next_due_at` is kept on every write by a trigger (never active → year 1;
 * else `last_active_at` + 1 h / 24 h; a `weekdays` persona's moved past its weekend in
 * its timezone). The rules it cannot store are checked per row: weekdays in the persona's
 * timezone at `now`, soft deletion, a live lease, and the back-off after a failed tick.
 */
export function dueQuery(now: Date, limit: number, tail: SQL = sql``, also: SQL = sql``): SQL {
  const at = now.toISOString();
  return sql`
    select p.user_id, u.email, u.name, p.archetype, p.system_prompt, p.module_mix,
           p.tick_cadence, p.locale, p.timezone, p.traits, p.last_active_at,
           p.next_due_at, p.created_at as persona_created_at
    from auth.personas p
    join auth.users u on u.id = p.user_id
    where p.next_due_at <= ${at}::timestamptz
      and (p.lease_until is null or p.lease_until <= ${at}::timestamptz)
      and u.deleted_at is null
      and u.kind = 'persona'
      and (
        p.tick_cadence <> 'weekdays'
        or extract(isodow from (${at}::timestamptz at time zone p.timezone)) between 1 and 5
      )
      and not exists (
        select 1 from (
          select t.status, coalesce(t.finished_at, t.started_at) as ended_at
          from auth.persona_ticks t
          where t.persona_id = p.user_id
          order by t.started_at desc
          limit 1
        ) last_tick
        where last_tick.status in ('failed', 'timeout')
          and last_tick.ended_at > ${at}::timestamptz - make_interval(mins => ${FAILURE_BACKOFF_MINUTES})
      )
      ${also}
    order by p.next_due_at, p.created_at, p.user_id
    limit ${limit}
    ${tail}
  `;
}

/**
 * The personas due at `now`, in the order the runner should take them, without claiming
 * them (a look; the runner claims through {@link claimDuePersonas}).
 *
 * Due when `last_active_at` is null or at least 1 h (`hourly`) / 24 h (`daily`,
 * `weekdays`) old; `weekdays` only Monday to Friday in the persona's own timezone.
 * Soft-deleted accounts never; a persona another runner holds a live lease on never; a
 * persona whose latest tick failed or timed out less than 15 minutes ago not yet. Order:
 * never active first (oldest persona first), then the most overdue. One query, computed
 * by the database against the given `now`, so a test or a simulation moves time by
 * passing a different clock.
 */
export async function findDuePersonas(
  db: Database,
  now: Date,
  limit = 1000,
): Promise<DuePersona[]> {
  return (await selectRows<DueRow>(db, dueQuery(now, limit))).map(toDuePersona);
}

/** A due row on the wire. */
export function toDuePersona(row: DueRow): DuePersona {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    archetype: row.archetype,
    systemPrompt: row.system_prompt,
    moduleMix: parseJson(row.module_mix),
    tickCadence: row.tick_cadence,
    locale: row.locale,
    timezone: row.timezone,
    traits: parseJson(row.traits),
    lastActiveAt: toIso(row.last_active_at),
  };
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
