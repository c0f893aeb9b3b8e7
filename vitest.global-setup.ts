import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPgliteSnapshot,
  createServerTemplateDatabase,
  dropServerDatabase,
} from '@mana/db/testing';

// Migrating a fresh PGlite costs about a second; loading a migrated data directory a
// quarter of that. Prepare it once per run and let every test file load it. On a
// PostgreSQL server, likewise: one migrated template database per run, copied by each
// test file (CREATE DATABASE … TEMPLATE) instead of migrating again.
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'mana-test-'));
  const file = join(dir, 'pglite-migrated.tar');
  await writeFile(file, await createPgliteSnapshot());
  process.env.MANA_PGLITE_SNAPSHOT = file;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = serverUrl ? await createServerTemplateDatabase(serverUrl) : undefined;
  if (template) process.env.MANA_PG_TEMPLATE = template;
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (serverUrl && template) await dropServerDatabase(serverUrl, template);
  };
}
