import { mkdtemp, rm, writeFile } from 'node:fs/promises';

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDatabase, redactUrl } from './database';
import { DatabaseError } from './errors';
import { migrateDatabase } from './migrate';
import { selectRows } from './rows';
import { createTestDatabase, testDatabaseTarget } from './testing/test-database';

describe('createDatabase', () => {
  it('opens in-memory PGlite for memory://', async () => {
    const handle = await createDatabase('memory://');
    expect(handle).toMatchObject({ driver: 'pglite', location: 'pglite:memory' });
    expect(await selectRows<{ n: number }>(handle.db, sql`select 1 as n`)).toEqual([{ n: 1 }]);
    await handle.close();
  });

  it('keeps data on disk for file:<dir> across re-opens, and migrating twice is a no-op', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mana-db-'));
    try {
      const first = await createDatabase(`file:${dir}`);
      await migrateDatabase(first);
      await first.db.execute(
        sql`insert into auth.users (id, name, email) values ('u1', 'U', 'u@x.test')`,
      );
      await first.close();
      const second = await createDatabase(`file:${dir}`);
      await migrateDatabase(second);
      expect(await selectRows(second.db, sql`select id, kind from auth.users`)).toEqual([
        { id: 'u1', kind: 'human' },
      ]);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lets one process at a time use an on-disk PGlite directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mana-lock-'));
    try {
      const first = await createDatabase(`file:${dir}`);
      // Another live process holding the lock (our parent stands in for it).
      await writeFile(join(dir, 'mana.lock'), String(process.ppid));
      await expect(createDatabase(`file:${dir}`)).rejects.toThrow(/in use by process \d+/);
      // A lock left by a process that is gone is taken over.
      await writeFile(join(dir, 'mana.lock'), '999999999');
      await first.close();
      const second = await createDatabase(`file:${dir}`);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a URL it cannot serve, without printing its password', async () => {
    const attempt = createDatabase('mysql://root:hunter2@localhost/db');
    await expect(attempt).rejects.toBeInstanceOf(DatabaseError);
    await expect(attempt).rejects.toThrow(/^(?!.*hunter2).*DATABASE_URL must be/);
    expect(redactUrl('postgres://me:secret@db:5432/x')).toBe('postgres://me:***@db:5432/x');
  });
});

describe(`schema on ${testDatabaseTarget()}`, () => {
  it('puts identity tables in schema auth and enforces the design’s checks', async () => {
    const handle = await createTestDatabase();
    try {
      const tables = await selectRows<{ table_name: string }>(
        handle.db,
        sql`select table_name from information_schema.tables where table_schema = 'auth' order by table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual([
        'accounts',
        'consistency_rows',
        'consistency_runs',
        'incident_status_events',
        'invitations',
        'jwks',
        'members',
        'oauth_access_tokens',
        'oauth_client_assertions',
        'oauth_client_resources',
        'oauth_clients',
        'oauth_consents',
        'oauth_refresh_tokens',
        'oauth_resources',
        'organizations',
        'persona_actions',
        'persona_dead_letters',
        'persona_feedback',
        'persona_ticks',
        'persona_transcripts',
        'personas',
        'rate_limits',
        'release_markers',
        'sessions',
        'users',
        'verifications',
      ]);
      await handle.db.execute(
        sql`insert into auth.users (id, name, email, kind) values ('p', 'P', 'p@x.test', 'persona')`,
      );
      await expect(
        handle.db.execute(
          sql`insert into auth.users (id, name, email, kind) values ('q', 'Q', 'q@x.test', 'robot')`,
        ),
      ).rejects.toThrow();
      await expect(
        handle.db.execute(
          sql`insert into auth.personas (user_id, archetype, system_prompt, module_mix, tick_cadence) values ('p', 'a', 's', '{}', 'monthly')`,
        ),
      ).rejects.toThrow();
      await handle.db.execute(
        sql`insert into auth.personas (user_id, archetype, system_prompt, module_mix, tick_cadence) values ('p', 'a', 's', '{}', 'daily')`,
      );
      await expect(
        handle.db.execute(
          sql`insert into auth.persona_actions (id, persona_id, tick_id, seq, tool_name, module, space_id, result) values ('a', 'p', 't', 0, 'x.y', 'x', 's', 'meh')`,
        ),
      ).rejects.toThrow();
      await expect(
        handle.db.execute(
          sql`insert into auth.organizations (id, name, slug, type) values ('o', 'O', 'o', 'club')`,
        ),
      ).rejects.toThrow();
      // Deleting the account takes the persona and its history with it.
      await handle.db.execute(sql`delete from auth.users where id = 'p'`);
      expect(await selectRows(handle.db, sql`select * from auth.personas`)).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
