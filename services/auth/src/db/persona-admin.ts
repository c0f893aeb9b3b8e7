import {
  type Database,
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
  selectRows,
  sessions,
  users,
} from '@mana/db';
import type { PersonaProfile } from '@mana/personas';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { toIso } from './due';
import { listUserSpaces, type SpaceView } from './spaces';

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

/** Everything an operator wants on one persona's page. */
export interface PersonaDetail {
  persona: PersonaSummary & {
    systemPrompt: string;
    moduleMix: Record<string, number>;
    traits: Record<string, unknown>;
  };
  spaces: SpaceView[];
  moduleRatings: { module: string; avgRating: number; ratingsCount: number }[];
  recentTicks: (typeof personaTicks.$inferSelect)[];
  recentActions: (typeof personaActions.$inferSelect)[];
  recentFeedback: (typeof personaFeedback.$inferSelect)[];
}

/** The detail view of one persona, or null when no persona has this id. */
export async function getPersonaDetail(
  db: Database,
  userId: string,
  now: Date,
): Promise<PersonaDetail | null> {
  const [summary] = await listPersonaSummaries(db, now, { includeDeleted: true, userId });
  if (!summary) return null;
  const [profile] = await db
    .select({
      systemPrompt: personas.systemPrompt,
      moduleMix: personas.moduleMix,
      traits: personas.traits,
    })
    .from(personas)
    .where(eq(personas.userId, userId));
  const [spaces, moduleRatings, recentTicks, recentActions, recentFeedback] = await Promise.all([
    listUserSpaces(db, userId),
    db
      .select({
        module: personaFeedback.module,
        avgRating: sql<number>`avg(${personaFeedback.rating})::float8`.mapWith(Number),
        ratingsCount: sql<number>`count(*)::int`.mapWith(Number),
      })
      .from(personaFeedback)
      .where(eq(personaFeedback.personaId, userId))
      .groupBy(personaFeedback.module)
      .orderBy(personaFeedback.module),
    db
      .select()
      .from(personaTicks)
      .where(eq(personaTicks.personaId, userId))
      .orderBy(desc(personaTicks.startedAt))
      .limit(20),
    db
      .select()
      .from(personaActions)
      .where(eq(personaActions.personaId, userId))
      .orderBy(desc(personaActions.createdAt), desc(personaActions.seq))
      .limit(100),
    db
      .select()
      .from(personaFeedback)
      .where(eq(personaFeedback.personaId, userId))
      .orderBy(desc(personaFeedback.createdAt), personaFeedback.module)
      .limit(50),
  ]);
  return {
    persona: { ...summary, ...(profile ?? { systemPrompt: '', moduleMix: {}, traits: {} }) },
    spaces,
    moduleRatings,
    recentTicks,
    recentActions,
    recentFeedback,
  };
}

/**
 * Writes the persona profile of an account and reports whether anything differed.
 * The account is marked `kind = persona` and, if it had been deleted, restored.
 */
export async function upsertPersonaProfile(
  db: Database,
  userId: string,
  profile: PersonaProfile,
): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ kind: users.kind, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, userId));
    let changed = false;
    if (user && (user.kind !== 'persona' || user.deletedAt)) {
      await tx.update(users).set({ kind: 'persona', deletedAt: null }).where(eq(users.id, userId));
      changed = true;
    }
    const [existing] = await tx.select().from(personas).where(eq(personas.userId, userId));
    if (!existing) {
      await tx.insert(personas).values({ userId, ...profile });
      return { changed: true };
    }
    const same =
      existing.archetype === profile.archetype &&
      existing.systemPrompt === profile.systemPrompt &&
      existing.tickCadence === profile.tickCadence &&
      existing.locale === profile.locale &&
      existing.timezone === profile.timezone &&
      sameJson(existing.moduleMix, profile.moduleMix) &&
      sameJson(existing.traits, profile.traits);
    if (!same) {
      await tx.update(personas).set(profile).where(eq(personas.userId, userId));
      changed = true;
    }
    return { changed };
  });
}

/**
 * Soft-deletes a persona: the account can no longer sign in (its sessions are gone) and
 * is never due again, while its actions, ratings and ticks stay for the operators.
 * Returns false when the id is not a live persona.
 */
export async function softDeletePersona(db: Database, userId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ deletedAt: now })
      .where(and(eq(users.id, userId), eq(users.kind, 'persona'), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (updated.length === 0) return false;
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    return true;
  });
}

/** Whether a persona row exists for this id (deleted or not). */
export async function personaExists(db: Database, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: personas.userId })
    .from(personas)
    .where(eq(personas.userId, userId));
  return Boolean(row);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
