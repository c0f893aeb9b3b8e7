import type { SQL } from 'drizzle-orm';
import type { Database } from './database';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `{rows}`, but the shared
 * {@link Database} type cannot say so; this is the one place that knows.
 *
 * @example
 * const rows = await selectRows<{ n: number }>(db, sql`select 1 as n`);
 */
export async function selectRows<T extends Record<string, unknown>>(
  db: Database,
  query: SQL,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
