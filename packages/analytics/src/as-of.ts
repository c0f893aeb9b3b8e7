import { type Database, selectRows } from '@mana/db';
import { sql } from 'drizzle-orm';

/**
 * The moment analyses are "as of": now, or the latest recorded activity if that is
 * later (after a simulation ran ahead of the wall clock, its days are still "this week").
 */
export async function dataAsOf(db: Database, now: Date): Promise<Date> {
  const [row] = await selectRows<{ latest: Date | string | null }>(
    db,
    sql`select greatest(
          (select max(created_at) from auth.persona_actions),
          (select max(created_at) from auth.persona_feedback),
          (select max(coalesce(finished_at, started_at)) from auth.persona_ticks)
        ) as latest`,
  );
  const latest = row?.latest ? new Date(row.latest) : null;
  return latest && latest > now ? latest : now;
}
