import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDatabase, type DatabaseHandle, openPglite } from '../database';
import { migrateDatabase } from '../migrate';

/**
 * Which engine tests run on. The root Vitest config runs the whole suite once per
 * target: `pglite` always, `postgres` when `TEST_DATABASE_URL` is set.
 */
export type TestDatabaseTarget = 'pglite' | 'postgres';

/** The target of the current test project (env `MANA_TEST_DB`, default `pglite`). */
export function testDatabaseTarget(): TestDatabaseTarget {
  return process.env.MANA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file. On PGlite it loads the migrated data
 * directory prepared once per run (see {@link createPgliteSnapshot}), which is four
 * times faster than initdb plus migrations; on PostgreSQL it creates a database of its
 * own and drops it on `close()`.
 *
 * @example
 * const handle = await createTestDatabase();
 * afterAll(() => handle.close());
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url: string }> {
  if (testDatabaseTarget() === 'postgres') return createServerTestDatabase();
  const snapshot = process.env.MANA_PGLITE_SNAPSHOT;
  if (snapshot) {
    const data = await readFile(snapshot);
    const handle = await openPglite(new PGlite({ loadDataDir: new Blob([data]) }), 'pglite:test');
    return { ...handle, url: 'memory://' };
  }
  const handle = await createDatabase('memory://');
  await migrateDatabase(handle);
  return { ...handle, url: 'memory://' };
}

/** Migrates an in-memory PGlite and returns its data directory as a tarball. */
export async function createPgliteSnapshot(): Promise<Uint8Array> {
  const client = new PGlite();
  const handle = await openPglite(client);
  await migrateDatabase(handle);
  const dump = await client.dumpDataDir('none');
  await client.close();
  return new Uint8Array(await dump.arrayBuffer());
}

/**
 * Creates a migrated database on the server at `baseUrl` and returns its name, to be
 * copied by every test file of the run (`CREATE DATABASE … TEMPLATE`, a file copy on
 * the server, instead of running every migration again). Drop it with
 * {@link dropServerDatabase} when the run ends.
 */
export async function createServerTemplateDatabase(baseUrl: string): Promise<string> {
  const name = `mana_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase(url.toString(), { poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  return name;
}

/** Drops a database of the server at `baseUrl`, closing whatever still uses it. */
export async function dropServerDatabase(baseUrl: string, name: string): Promise<void> {
  await adminQuery(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function createServerTestDatabase(): Promise<DatabaseHandle & { url: string }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('MANA_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `mana_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  // The run's migrated template (see vitest.global-setup.ts) when there is one.
  const template = process.env.MANA_PG_TEMPLATE;
  await adminQuery(
    baseUrl,
    `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`,
  );
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase(url.toString(), { poolSize: 5 });
  if (!template) await migrateDatabase(handle);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await dropServerDatabase(baseUrl, name);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
