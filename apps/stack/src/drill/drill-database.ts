import { createServerTemplateDatabase, dropServerDatabase } from '@mana/db/testing';

/** A database for one drill simulation, and how to get rid of it. */
export interface DrillDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * A fresh database per simulation: in-memory PGlite by default; with a PostgreSQL URL,
 * a new migrated database on that server, dropped afterwards (the configured database
 * itself is never written).
 */
export async function freshDrillDatabase(databaseUrl: string | undefined): Promise<DrillDatabase> {
  if (!databaseUrl?.startsWith('postgres')) return { url: 'memory://', drop: async () => {} };
  const name = await createServerTemplateDatabase(databaseUrl);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropServerDatabase(databaseUrl, name) };
}
