import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '@mana/analytics';
import { createDatabase, type Database, selectRows } from '@mana/db';
import { createTestDatabase, testDatabaseTarget } from '@mana/db/testing';
import { createBrain } from '@mana/persona-runner';
import { simulate } from '@mana/stack';
import { parseFaults } from '@mana/tool-registry';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS } from './e2e-config';

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

const scripted = (seed: number) => {
  const brain = createBrain({ brain: 'scripted', scriptedSeed: seed, processEnv: {} });
  if (!brain) throw new Error('no scripted brain');
  return brain;
};

describe('npm run simulate', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('the same seed gives the same rows', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const scratch = await scratchDatabase();
      cleanups.push(scratch.drop);
      const summary = await simulate({
        ...E2E_SECRETS,
        databaseUrl: scratch.url,
        days: 1.5,
        seed: 7,
        brain: scripted(7),
        start: START,
      });
      expect(summary.ticks).toBe(36);
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

    require('node:fs').writeFileSync('/tmp/fp2.json', normal(second).replace(/},{/g, '},\n{'));
    expect(normal(second)).toBe(normal(first));

    // Rows are stamped with simulated time, hour by hour.
    expect(String(first?.ticks[0]?.at)).toContain('2026-11-16');
  }, 240_000);

  it('a fault switched on midway is flagged, with its evidence, and nothing else is', async () => {
    if (testDatabaseTarget() === 'postgres') return; // one drill is enough; PGlite is the default engine
    const scratch = await scratchDatabase();
    cleanups.push(scratch.drop);
    const summary = await simulate({
      ...E2E_SECRETS,
      databaseUrl: scratch.url,
      days: 6,
      seed: 3,
      brain: scripted(3),
      start: START,
      faults: parseFaults('notes:errors=0.7'),
      faultFromDay: 3,
    });
    expect(summary.faults).toEqual({
      spec: 'notes:errors=0.7,latency=0',
      from: '2026-11-19T00:00:00.000Z',
    });
    const handle = await scratch.read();
    try {
      const report = await buildReport(handle.db, { now: new Date(summary.end), sinceDays: 3 });
      expect(report.alerts.length).toBeGreaterThan(0);
      expect(report.alerts.map((a) => a.module)).toEqual(report.alerts.map(() => 'notes'));
      expect(report.alerts.some((a) => a.kind === 'rating_drop')).toBe(true);
      const first = report.alerts[0];
      expect(first?.evidence.calls.length ?? 0).toBeGreaterThan(0);
      expect(first?.evidence.calls[0]?.errorMessage).toMatch(/failed unexpectedly/);
      // A clean run of the same days raises nothing.
      const calm = await buildReport(handle.db, {
        now: new Date('2026-11-19T00:00:00Z'),
        sinceDays: 1.5,
      });
      expect(calm.alerts).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
