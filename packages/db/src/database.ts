import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { DatabaseError } from './errors';
import { lockPgliteDir } from './pglite-lock';

import * as schema from './schema/index';

/** The tables of every area, as one Drizzle schema object. */
export { schema };

/**
 * One type for every driver: PGlite and node-postgres both produce this, so services
 * and tests never depend on which database they run on.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which engine a {@link DatabaseHandle} talks to. */
export type DatabaseDriver = 'pglite' | 'postgres';

/** A connected database and how to let it go. */
export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives, safe to print (no password). */
  location: string;
  close(): Promise<void>;
}

/** Where the embedded database keeps its files when `DATABASE_URL` is unset. */
export const DEFAULT_PGLITE_DIR = '.data/pglite';

/**
 * Opens the database a URL names.
 *
 * - unset or empty: embedded PGlite on disk under `.data/pglite` (relative to the cwd);
 * - `memory://`: embedded PGlite in memory, gone when the process ends;
 * - `file:<dir>`: embedded PGlite on disk under `<dir>`;
 * - `postgres://…` / `postgresql://…`: a PostgreSQL server through a connection pool.
 *
 * @example
 * const { db, close } = await createDatabase(process.env.DATABASE_URL);
 */
export async function createDatabase(
  url?: string,
  options: { poolSize?: number } = {},
): Promise<DatabaseHandle> {
  const target = url?.trim() ?? '';
  if (target === '' || target.startsWith('file:')) {
    const dir = resolve(target === '' ? DEFAULT_PGLITE_DIR : target.slice('file:'.length));
    mkdirSync(dir, { recursive: true });
    const release = lockPgliteDir(dir);
    try {
      const handle = await openPglite(new PGlite(dir), `pglite:${dir}`);
      return {
        ...handle,
        close: async () => {
          await handle.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (target === 'memory://' || target === 'memory:') {
    return openPglite(new PGlite(), 'pglite:memory');
  }
  if (target.startsWith('postgres://') || target.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: target, max: options.poolSize ?? 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      location: redactUrl(target),
      close: () => pool.end(),
    };
  }
  throw new DatabaseError(
    'UNSUPPORTED_DATABASE_URL',
    `DATABASE_URL must be empty, memory://, file:<dir> or postgres://…, got "${redactUrl(target)}"`,
  );
}

/** Wraps an existing PGlite instance (used by tests that load a prepared data dir). */
export async function openPglite(client: PGlite, location = 'pglite'): Promise<DatabaseHandle> {
  await client.waitReady;
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return { db, driver: 'pglite', location, close: () => client.close() };
}

/** Hides the password of a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}
