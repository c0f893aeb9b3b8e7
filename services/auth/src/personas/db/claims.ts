import type { BudgetState, ClaimBudget, DuePersona } from '@mana/contracts';
import type { Database } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';
import { spacesOfUsers } from '../../identity/db/spaces';
import { todaysSpend, tokensToday, underTokenBudget } from './budget';
import { type DueRow, dueQuery, toDuePersona } from './due';

type Executor = Pick<Database, 'execute'>;

async function rows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** What a claim took. */
export interface Claim {
  personas: DuePersona[];
  leaseUntil: Date;
  /** Ticks marked `abandoned` on the way (their runner's lease had run out). */
  abandoned: number;
  /** Today's spend against the budget, when the claim carried one. */
  budget?: BudgetState;
}

/**
 * Claims up to `limit` due personas for `runnerId` until `now + leaseSeconds`. Two
 * statements, each atomic on its own: first every expired lease is dropped and the
 * `running` ticks of those personas are marked `abandoned`; then the due query with
 * `FOR UPDATE SKIP LOCKED` picks personas no concurrent claim is looking at, writes
 * their lease and abandons their own leftover `running` ticks (a runner that died
 * before leases existed, or whose lease ran out unseen: nobody holds the persona, so
 * nobody is living them). Two runners claiming at once never get the same persona, and
 * neither waits for the other's rows.
 *
 * Each claimed persona comes with its spaces (one more query for the batch), so the
 * runner plans the day without reading them with the persona's token.
 *
 * With a `budget`, today's spend is read first: past the daily cost cap nothing is
 * claimed; a persona whose ticks of today reached the token budget is not picked (it
 * stays due, for the next UTC day).
 */
export async function claimDuePersonas(
  db: Database,
  runnerId: string,
  now: Date,
  limit: number,
  leaseSeconds: number,
  budget?: ClaimBudget,
): Promise<Claim> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const [swept] = await rows<{ abandoned: number }>(
    db,
    sql`with expired as (
          select user_id, claimed_by from auth.personas
          where lease_until <= ${at} for update skip locked
        ), cleared as (
          update auth.personas p set claimed_by = null, lease_until = null
          from expired e where p.user_id = e.user_id
          returning p.user_id, e.claimed_by
        ), marked as (
          update auth.persona_ticks t
          set status = 'abandoned', finished_at = greatest(t.started_at, ${at}),
              error = 'the lease of runner ' || coalesce(c.claimed_by, 'unknown') || ' expired before the day ended'
          from cleared c where t.persona_id = c.user_id and t.status = 'running'
          returning t.id
        )
        select (select count(*) from marked)::int as abandoned`,
  );
  const spend = budget ? await todaysSpend(db, now, budget) : undefined;
  if (spend?.costCapReached) {
    return {
      personas: [],
      leaseUntil,
      abandoned: swept?.abandoned ?? 0,
      budget: { ...spend, tokensToday: {} },
    };
  }
  const picked = await rows<DueRow & { abandoned: number }>(
    db,
    sql`with picked as (${dueQuery(now, limit, sql`for update of p skip locked`, underTokenBudget(now, budget))}),
        claimed as (
          update auth.personas p
          set claimed_by = ${runnerId}, lease_until = ${leaseUntil.toISOString()}::timestamptz
          from picked where p.user_id = picked.user_id
          returning p.user_id
        ), marked as (
          update auth.persona_ticks t
          set status = 'abandoned', finished_at = greatest(t.started_at, ${at}),
              error = 'no runner held this persona any more'
          from claimed c where t.persona_id = c.user_id and t.status = 'running'
          returning t.id
        )
        select picked.*, (select count(*) from marked)::int as abandoned
        from picked join claimed using (user_id)
        order by picked.next_due_at, picked.persona_created_at, picked.user_id`,
  );
  const spaces = await spacesOfUsers(
    db,
    picked.map((row) => row.user_id),
  );
  const personas = picked.map((row) => ({
    ...toDuePersona(row),
    spaces: (spaces.get(row.user_id) ?? []).map(({ id, name, type, role }) => ({
      id,
      name,
      type,
      role,
    })),
  }));
  return {
    personas,
    leaseUntil,
    abandoned: (swept?.abandoned ?? 0) + (picked[0]?.abandoned ?? 0),
    ...(spend
      ? {
          budget: {
            ...spend,
            tokensToday: await tokensToday(
              db,
              now,
              personas.map((p) => p.userId),
            ),
          },
        }
      : {}),
  };
}

/**
 * Extends `runnerId`'s leases on these personas to `now + leaseSeconds`. Returns the ids
 * it still held: any other was released, or expired and taken by another runner, and the
 * day living it should stop.
 */
export async function renewClaims(
  db: Database,
  runnerId: string,
  personaIds: readonly string[],
  now: Date,
  leaseSeconds: number,
): Promise<string[]> {
  const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
  const renewed = await rows<{ user_id: string }>(
    db,
    sql`update auth.personas set lease_until = ${until}::timestamptz
        where claimed_by = ${runnerId} and user_id in (${idList(personaIds)})
        returning user_id`,
  );
  return renewed.map((r) => r.user_id);
}

/**
 * Drops `runnerId`'s claims on these personas (their days ended, or never started):
 * they are due again by their rules at once. Returns the ids it held.
 */
export async function releaseClaims(
  db: Database,
  runnerId: string,
  personaIds: readonly string[],
): Promise<string[]> {
  const released = await rows<{ user_id: string }>(
    db,
    sql`update auth.personas set claimed_by = null, lease_until = null
        where claimed_by = ${runnerId} and user_id in (${idList(personaIds)})
        returning user_id`,
  );
  return released.map((r) => r.user_id);
}
