import type { DuePersona } from '@mana/contracts';
import type { Database } from '@mana/db';
import { type SQL, sql } from 'drizzle-orm';
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
}

/**
 * Claims up to `limit` due personas for `runnerId` until `now + leaseSeconds`, in one
 * transaction: first every expired lease is dropped and the `running` ticks of those
 * personas are marked `abandoned`; then the due query with `FOR UPDATE SKIP LOCKED`
 * picks personas no concurrent claim is looking at, and their lease is written. Two
 * runners claiming at once therefore never get the same persona, and neither waits for
 * the other's rows. A claimed persona's own leftover `running` ticks (a runner that
 * died before leases existed, or whose lease ran out unseen) are abandoned too: nobody
 * holds it, so nobody is living them.
 */
export async function claimDuePersonas(
  db: Database,
  runnerId: string,
  now: Date,
  limit: number,
  leaseSeconds: number,
): Promise<Claim> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  return db.transaction(async (tx) => {
    const expired = await rows<{ user_id: string; claimed_by: string | null }>(
      tx,
      sql`update auth.personas p set claimed_by = null, lease_until = null
          from (select user_id, claimed_by from auth.personas
                where lease_until <= ${at}::timestamptz for update) old
          where p.user_id = old.user_id
          returning p.user_id, old.claimed_by`,
    );
    let abandoned = 0;
    for (const row of expired) {
      abandoned += await abandonRunning(
        tx,
        [row.user_id],
        now,
        `the lease of runner ${row.claimed_by ?? 'unknown'} expired before the day ended`,
      );
    }
    const picked = await rows<DueRow>(tx, dueQuery(now, limit, sql`for update of p skip locked`));
    if (picked.length === 0) return { personas: [], leaseUntil, abandoned };
    const ids = picked.map((r) => r.user_id);
    await tx.execute(
      sql`update auth.personas set claimed_by = ${runnerId}, lease_until = ${leaseUntil.toISOString()}::timestamptz
          where user_id in (${idList(ids)})`,
    );
    abandoned += await abandonRunning(tx, ids, now, 'no runner held this persona any more');
    return { personas: picked.map(toDuePersona), leaseUntil, abandoned };
  });
}

async function abandonRunning(
  tx: Executor,
  personaIds: readonly string[],
  now: Date,
  why: string,
): Promise<number> {
  const marked = await rows<{ id: string }>(
    tx,
    sql`update auth.persona_ticks
        set status = 'abandoned', error = ${why},
            finished_at = greatest(started_at, ${now.toISOString()}::timestamptz)
        where persona_id in (${idList(personaIds)}) and status = 'running'
        returning id`,
  );
  return marked.length;
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
