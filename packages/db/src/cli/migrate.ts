import { createDatabase } from '../database';
import { migrateDatabase } from '../migrate';

// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (default: the
// embedded PGlite under .data/pglite of the current directory).
const handle = await createDatabase(process.env.DATABASE_URL);
try {
  await migrateDatabase(handle);
  process.stdout.write(`migrated ${handle.location}\n`);
} finally {
  await handle.close();
}
