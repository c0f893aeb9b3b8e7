import type { ConsistencyRunInput } from '@mana/contracts';
import { selectRows } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consistencyRun,
  latestConsistencyRun,
  listConsistencyRuns,
  recordConsistencyRun,
} from './consistency-runs';
import { buildReport } from './report';

const figures = {
  ratedDays: 2,
  ratingMean: 4,
  ratingSd: 0.333,
  ratingRange: 1,
  checkedDays: 2,
  passK: 0.5,
  passAtK: 1,
};

const run = (startedAt: string, over: Partial<ConsistencyRunInput> = {}): ConsistencyRunInput => ({
  startedAt,
  finishedAt: new Date(Date.parse(startedAt) + 90_000).toISOString(),
  k: 3,
  seed: 4,
  days: 0.5,
  brain: 'scripted',
  personaCount: 2,
  personaDays: 2,
  simulatedFrom: '2026-11-16T00:00:00.000Z',
  simulatedTo: '2026-11-16T12:00:00.000Z',
  faults: null,
  overall: figures,
  rows: [
    { persona: 'persona.kai@mana.test', module: 'todo', ...figures, ratingMean: 3.5 },
    { persona: 'persona.anna@mana.test', module: 'todo', ...figures, passK: 1 },
    {
      persona: 'persona.anna@mana.test',
      module: 'journal',
      ...figures,
      checkedDays: 0,
      passK: null,
      passAtK: null,
    },
  ],
  ...over,
});

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const counts = async () => {
  const [row] = await selectRows<{ runs: number; rows: number }>(
    database.db,
    sql`select (select count(*) from auth.consistency_runs)::int as runs,
               (select count(*) from auth.consistency_rows)::int as rows`,
  );
  return row;
};

describe('stored consistency runs', () => {
  it('none stored: no latest run, and the report says null', async () => {
    expect(await latestConsistencyRun(database.db)).toBeNull();
    expect((await buildReport(database.db)).consistency).toBeNull();
  });

  it('a failing row writes nothing: the run and its rows are one transaction', async () => {
    const bad = run('2026-11-16T13:00:00.000Z');
    const broken = {
      ...bad,
      // The database refuses a share above 1, after the run row and the first rows went in.
      rows: [...bad.rows, { ...figures, persona: 'persona.ben@mana.test', module: 'x', passK: 2 }],
    };
    await expect(recordConsistencyRun(database.db, broken)).rejects.toThrow();
    const twice = { ...bad, rows: [...bad.rows, ...bad.rows] };
    await expect(recordConsistencyRun(database.db, twice)).rejects.toThrow();
    expect(await counts()).toEqual({ runs: 0, rows: 0 });
  });

  it('reads back what was stored: the latest with its rows by persona and module, earlier runs listed', async () => {
    const first = await recordConsistencyRun(database.db, run('2026-11-16T13:00:00.000Z'));
    const second = await recordConsistencyRun(
      database.db,
      run('2026-11-17T08:30:00.000Z', { k: 2, faults: 'todo:errors=0.5 from 2026-11-16T06:00Z' }),
    );
    expect(await counts()).toEqual({ runs: 2, rows: 6 });
    expect(second).toBeGreaterThan(first);

    const latest = await latestConsistencyRun(database.db);
    expect(latest).toMatchObject({
      id: second,
      k: 2,
      startedAt: '2026-11-17T08:30:00.000Z',
      finishedAt: '2026-11-17T08:31:30.000Z',
      days: 0.5,
      faults: 'todo:errors=0.5 from 2026-11-16T06:00Z',
      overall: figures,
    });
    expect(latest?.rows.map((r) => [r.persona, r.module, r.passK, r.ratingMean])).toEqual([
      ['persona.anna@mana.test', 'journal', null, 4],
      ['persona.anna@mana.test', 'todo', 1, 4],
      ['persona.kai@mana.test', 'todo', 0.5, 3.5],
    ]);
    expect((await listConsistencyRuns(database.db)).map((r) => r.id)).toEqual([second, first]);
    expect((await consistencyRun(database.db, first))?.k).toBe(3);
    expect(await consistencyRun(database.db, second + 100)).toBeNull();
    expect((await buildReport(database.db)).consistency?.id).toBe(second);
  });
});
