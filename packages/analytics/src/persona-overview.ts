import { type Database, selectRows, toIso } from '@mana/db';
import { sql } from 'drizzle-orm';

/** A row of the admin persona list. */
export interface PersonaSummary {
  userId: string;
  email: string;
  name: string;
  archetype: string;
  tickCadence: string;
  locale: string;
  timezone: string;
  lastActiveAt: string | null;
  deletedAt: string | null;
  actions7d: number;
  errors7d: number;
  /** Mean of every rating the persona gave; null when it never rated. */
  avgRating: number | null;
  ratingsCount: number;
  lastTick: { id: string; status: string; startedAt: string; finishedAt: string | null } | null;
}

interface SummaryRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  name: string;
  archetype: string;
  tick_cadence: string;
  locale: string;
  timezone: string;
  last_active_at: Date | string | null;
  deleted_at: Date | string | null;
  actions_7d: number;
  errors_7d: number;
  avg_rating: number | null;
  ratings_count: number;
  last_tick_id: string | null;
  last_tick_status: string | null;
  last_tick_started_at: Date | string | null;
  last_tick_finished_at: Date | string | null;
}

/**
 * Every persona with its activity: actions and errors over the 7 days before `now`, the
 * true mean of its ratings, and its latest tick. One query with per-persona aggregates.
 */
export async function listPersonaSummaries(
  db: Database,
  now: Date,
  options: { includeDeleted?: boolean; userId?: string } = {},
): Promise<PersonaSummary[]> {
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
  const rows = await selectRows<SummaryRow>(
    db,
    sql`
    select p.user_id, u.email, u.name, p.archetype, p.tick_cadence, p.locale, p.timezone,
           p.last_active_at, u.deleted_at,
           coalesce(a.actions_7d, 0)::int as actions_7d,
           coalesce(a.errors_7d, 0)::int as errors_7d,
           f.avg_rating::float8 as avg_rating,
           coalesce(f.ratings_count, 0)::int as ratings_count,
           t.id as last_tick_id, t.status as last_tick_status,
           t.started_at as last_tick_started_at, t.finished_at as last_tick_finished_at
    from auth.personas p
    join auth.users u on u.id = p.user_id
    left join lateral (
      select count(*) as actions_7d, count(*) filter (where x.result = 'error') as errors_7d
      from auth.persona_actions x
      where x.persona_id = p.user_id and x.created_at > ${since}::timestamptz
    ) a on true
    left join lateral (
      select avg(r.rating) as avg_rating, count(*) as ratings_count
      from auth.persona_feedback r
      where r.persona_id = p.user_id
    ) f on true
    left join lateral (
      select k.id, k.status, k.started_at, k.finished_at
      from auth.persona_ticks k
      where k.persona_id = p.user_id
      order by k.started_at desc
      limit 1
    ) t on true
    where u.kind = 'persona'
      ${options.includeDeleted ? sql`` : sql`and u.deleted_at is null`}
      ${options.userId ? sql`and p.user_id = ${options.userId}` : sql``}
    order by u.email
  `,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    archetype: r.archetype,
    tickCadence: r.tick_cadence,
    locale: r.locale,
    timezone: r.timezone,
    lastActiveAt: toIso(r.last_active_at),
    deletedAt: toIso(r.deleted_at),
    actions7d: Number(r.actions_7d),
    errors7d: Number(r.errors_7d),
    avgRating: r.avg_rating === null ? null : Number(r.avg_rating),
    ratingsCount: Number(r.ratings_count),
    lastTick: r.last_tick_id
      ? {
          id: r.last_tick_id,
          status: r.last_tick_status ?? 'running',
          startedAt: toIso(r.last_tick_started_at) ?? '',
          finishedAt: toIso(r.last_tick_finished_at),
        }
      : null,
  }));
}
