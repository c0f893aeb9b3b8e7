import { recordConsistencyRun } from '@mana/analytics';
import type { ConsistencyRunInput } from '@mana/contracts';
import { type DatabaseHandle, migrateDatabase } from '@mana/db';

/**
 * Stores a finished `simulate --repeat k` in the configured database (the one `npm start`,
 * `npm run report` and the console read), migrating it first, since a repeated run may be
 * the first thing ever written there. The run and its rows land in one transaction.
 * Returns the run's id.
 */
export async function storeConsistencyRun(
  database: DatabaseHandle,
  run: ConsistencyRunInput,
): Promise<number> {
  await migrateDatabase(database);
  return recordConsistencyRun(database.db, run);
}
