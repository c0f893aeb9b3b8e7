import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database, selectRows } from '@mana/db';
import { createTestDatabase, testDatabaseTarget } from '@mana/db/testing';
import { loadCatalog, scaleCatalog } from '@mana/personas';
import { simulate } from '@mana/stack';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, scriptedBrain } from './e2e-config';

const START = new Date('2026-11-16T00:00:00Z'); // a Monday
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Rating notes cite the slowest call with its measured (real) latency: not repeatable. */
const SLOWEST =
  /(Slowest call|Langsamster Aufruf|Too slow|Zu langsam)[^"]*?\d+(?:[.,]\d+)? ?m?s\b/g;

/** A database a simulation can open by URL and the test can read afterwards. */
async function scratchDatabase() {
  if (testDatabaseTarget() === 'postgres') {
    const handle = await createTestDatabase();
    return { url: handle.url, read: async () => handle, drop: () => handle.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'mana-sim-'));
  return {
    url: `file:${dir}`,
    read: () => createDatabase(`file:${dir}`),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** What must come out the same for the same seed: everything but latencies and server-issued UUIDs. */
async function fingerprint(db: Database) {
  const actions = await selectRows(
    db,
    sql`select a.id, u.email, a.tool_name, a.module, a.result, regexp_replace(coalesce(a.error_message, ''), '[0-9a-f-]{36}', 'uuid', 'g') as error,
               a.created_at::text as at
        from auth.persona_actions a join auth.users u on u.id = a.persona_id order by a.id`,
  );
  const feedback = await selectRows(
    db,
    sql`select f.id, u.email, f.module, f.rating, regexp_replace(coalesce(f.notes, ''), '[0-9a-f-]{36}', 'uuid', 'g') as notes, f.created_at::text as at
        from auth.persona_feedback f join auth.users u on u.id = f.persona_id order by f.id`,
  );
  const ticks = await selectRows(
    db,
    sql`select t.id, u.email, t.status, t.actions_count, t.started_at::text as at
        from auth.persona_ticks t join auth.users u on u.id = t.persona_id order by t.id`,
  );
  return { actions, feedback, ticks };
}

describe('npm run simulate', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('lives a catalog grown to more personas (simulate --personas), each once an hour in', async () => {
    const catalog = scaleCatalog(loadCatalog(), 13, { cadence: 'daily' });
    let lived: { email: string }[] = [];
    const summary = await simulate({
      ...E2E_SECRETS,
      databaseUrl: 'memory://',
      days: 1 / 24,
      seed: 3,
      brain: scriptedBrain(3),
      start: START,
      catalog,
      onFinished: async (db) => {
        lived = await selectRows<{ email: string }>(
          db,
          sql`select u.email from auth.persona_ticks t join auth.users u on u.id = t.persona_id where t.status = 'ok'`,
        );
      },
    });
    expect(summary).toMatchObject({ ticks: 1, personaDays: 13, failed: 0 });
    expect(new Set(lived.map((r) => r.email))).toEqual(
      new Set(catalog.personas.map((p) => p.email)),
    );
  });

  it('the same seed gives the same rows', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const scratch = await scratchDatabase();
      cleanups.push(scratch.drop);
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: scratch.url,
        // Half a day: every persona is due at the first hour (never active), the hourly
        // one lives eleven more; enough rows to compare, a third of the time of 1.5 days.
        days: 0.5,
        seed: 7,
        brain: scriptedBrain(7),
        start: START,
      });
      expect(summary.ticks).toBe(12);
      expect(summary.failed).toBe(0);
      const handle = await scratch.read();
      runs.push(await fingerprint(handle.db));
      if (testDatabaseTarget() !== 'postgres') await handle.close();
    }
    const [first, second] = runs;
    expect(first?.actions.length).toBeGreaterThan(50);
    expect(first?.feedback.length).toBeGreaterThan(10);
    const normal = (run: unknown) =>
      JSON.stringify(run).replace(UUID, 'uuid').replace(SLOWEST, '…');

    expect(normal(second)).toBe(normal(first));

    // Rows are stamped with simulated time, hour by hour.
    expect(String(first?.ticks[0]?.at)).toContain('2026-11-16');
  }, 240_000);
});
