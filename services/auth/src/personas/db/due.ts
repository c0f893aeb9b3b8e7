import {
  type DuePersona,
  FAILURE_BACKOFF_MINUTES,
  type PersonaLocale,
  type PersonaTraits,
  type TickCadence,
} from '@mana/contracts';
import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';

interface DueRow extends Record<string, unknown> {
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
 * The personas due at `now`, in the order the runner should take them.
 *
 * Due when `last_active_at` is null or at least 1 h (`hourly`) / 24 h (`daily`,
 * `weekdays`) old; `weekdays` only Monday to Friday in the persona's own timezone.
 * Soft-deleted accounts never; a persona whose latest tick failed or timed out less
 * than 15 minutes ago not yet. Order: never active first, then longest idle, then
 * oldest persona. One query, computed by the database against the given `now`, so a
 * test or a simulation moves time by passing a different clock.
 */
export async function findDuePersonas(
  db: Database,
  now: Date,
  limit = 1000,
): Promise<DuePersona[]> {
  const at = now.toISOString();
  const rows = await selectRows<DueRow>(
    db,
    sql`
    select p.user_id, u.email, u.name, p.archetype, p.system_prompt, p.module_mix,
           p.tick_cadence, p.locale, p.timezone, p.traits, p.last_active_at
    from auth.personas p
    join auth.users u on u.id = p.user_id
    left join lateral (
      select t.status, coalesce(t.finished_at, t.started_at) as ended_at
      from auth.persona_ticks t
      where t.persona_id = p.user_id
      order by t.started_at desc
      limit 1
    ) last_tick on true
    where u.deleted_at is null
      and u.kind = 'persona'
      and (
        p.last_active_at is null
        or p.last_active_at <= ${at}::timestamptz - case p.tick_cadence
          when 'hourly' then interval '1 hour'
          else interval '24 hours'
        end
      )
      and (
        p.tick_cadence <> 'weekdays'
        or extract(isodow from (${at}::timestamptz at time zone p.timezone)) between 1 and 5
      )
      and not coalesce(
        last_tick.status in ('failed', 'timeout')
          and last_tick.ended_at > ${at}::timestamptz - make_interval(mins => ${FAILURE_BACKOFF_MINUTES}),
        false
      )
    order by p.last_active_at asc nulls first, p.created_at asc, p.user_id asc
    limit ${limit}
  `,
  );
  return rows.map((row) => ({
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
  }));
}

function parseJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
