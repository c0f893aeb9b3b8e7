import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate';
import { selectRows } from './rows';
import { testDatabaseTarget } from './testing/test-database';

/** A copy of the committed migrations that stops before `tag`. */
async function migrationsBefore(tag: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mana-migrations-'));
  await cp(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as {
    entries: { tag: string }[];
  };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  if (cut < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, cut);
  await writeFile(journalFile, JSON.stringify(journal));
  return dir;
}

async function addPersona(db: Database): Promise<void> {
  await db.execute(
    sql`insert into auth.users (id, name, email, kind) values ('p1', 'P', 'p@x.test', 'persona')`,
  );
  await db.execute(sql`
    insert into auth.personas (user_id, archetype, system_prompt, module_mix, tick_cadence)
    values ('p1', 'a', 'b', '{"todo":1}', 'daily')`);
}

// The upgrade runs on embedded PGlite (real PostgreSQL inside); the server project runs
// the same SQL through every database-backed test.
describe.skipIf(testDatabaseTarget() === 'postgres')('migration 0002_outcome_kinds', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('old rows read as before: errors count as app errors and get their message class', async () => {
    const older = await migrationsBefore('0002_outcome_kinds');
    dirs.push(older);
    const handle = await createDatabase('memory://');
    try {
      await migrateDatabase(handle, { folder: older });
      await addPersona(handle.db);
      await handle.db.execute(sql`
        insert into auth.persona_actions (id, persona_id, tick_id, seq, tool_name, module, space_id, result, error_message)
          values ('t-0', 'p1', 't', 0, 'todo.list', 'todo', 's', 'ok', null),
                 ('t-1', 'p1', 't', 1, 'todo.update', 'todo', 's', 'error',
                  'No todo with id 3f2a9c1e-0b1d-4c7a-9e2f-1a2b3c4d5e6f in this space (after 12 tries, "x")');
      `);
      await migrateDatabase(handle);
      const rows = await selectRows<{
        id: string;
        outcome: string;
        error_kind: string | null;
        error_signature: string | null;
      }>(
        handle.db,
        sql`select id, outcome, error_kind, error_signature from auth.persona_actions order by id`,
      );
      expect(rows).toEqual([
        { id: 't-0', outcome: 'ok', error_kind: null, error_signature: null },
        {
          id: 't-1',
          outcome: 'app_error',
          error_kind: null,
          error_signature: 'no todo with id <id> in this space (after <n> tries, <text>)',
        },
      ]);
    } finally {
      await handle.close();
    }
  });

  it('the database refuses an unknown outcome or error kind', async () => {
    const handle = await createDatabase('memory://');
    try {
      await migrateDatabase(handle);
      await addPersona(handle.db);
      const insert = (outcome: string, kind: string | null) =>
        handle.db.execute(sql`
          insert into auth.persona_actions (id, persona_id, tick_id, seq, tool_name, module, space_id, result, outcome, error_kind)
          values (${`${outcome}-${kind}`}, 'p1', 't', 0, 'todo.list', 'todo', 's', 'error', ${outcome}, ${kind})`);
      await expect(insert('maybe', null)).rejects.toThrow();
      await expect(insert('app_error', 'oops')).rejects.toThrow();
      await expect(insert('app_error', 'app_error')).resolves.toBeDefined();
    } finally {
      await handle.close();
    }
  });
});
