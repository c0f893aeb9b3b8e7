import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteSnapshot } from '@mana/db/testing';

// Migrating a fresh PGlite costs about a second; loading a migrated data directory a
// quarter of that. Prepare it once per run and let every test file load it.
export default async function setup() {
  const dir = await mkdtemp(join(tmpdir(), 'mana-test-'));
  const file = join(dir, 'pglite-migrated.tar');
  await writeFile(file, await createPgliteSnapshot());
  process.env.MANA_PGLITE_SNAPSHOT = file;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
