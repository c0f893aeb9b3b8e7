import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { habitsArchive } from './archive';
import { habitsCreate } from './create';
import { habitsDelete } from './delete';
import { habitsList } from './list';
import { habitsLog } from './log';
import { habitProgress, periodStart } from './period';
import { habitsRecentLogs } from './recent-logs';
import { habitLogs, habits } from './table';
import { habitsUnarchive } from './unarchive';
import { habitsUpdate } from './update';

type Listed = { id: string; name: string; progress: Record<string, unknown> };

describe('habit periods', () => {
  it('starts weeks on Monday and does not break a streak in an unfinished period', () => {
    expect(periodStart('2026-11-29', 'weekly')).toBe('2026-11-23');
    expect(periodStart('2026-11-23', 'weekly')).toBe('2026-11-23');
    expect(periodStart('2026-11-22', 'weekly')).toBe('2026-11-16');
    expect(periodStart('2026-11-22', 'daily')).toBe('2026-11-22');
    const habit = { period: 'daily' as const, targetPerPeriod: 2 };
    const logs: [string, number][] = [
      ['2026-11-22', 2],
      ['2026-11-23', 1],
      ['2026-11-23', 1],
      ['2026-11-24', 2],
      ['2026-11-25', 1],
    ];
    expect(habitProgress(habit, logs, '2026-11-25')).toEqual({
      periodStart: '2026-11-25',
      periodEnd: '2026-11-25',
      done: 1,
      target: 2,
      met: false,
      streak: 3,
    });
    expect(habitProgress(habit, logs, '2026-11-27').streak).toBe(0);
  });
});

describe('habits module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const listed = async (input: unknown = {}, ctx = bed.a): Promise<Listed[]> =>
    (await bed.call(habitsList, input, ctx)).habits;

  it('creates a habit in the caller’s space and refuses a second one of the same name', async () => {
    const { habit } = await bed.call(habitsCreate, {
      name: 'Meditate',
      description: '10 minutes after waking up',
    });
    expect(habit).toMatchObject({
      name: 'Meditate',
      description: '10 minutes after waking up',
      period: 'daily',
      targetPerPeriod: 1,
      archived: false,
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(habits).where(eq(habits.id, habit.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      name: 'Meditate',
      period: 'daily',
      targetPerPeriod: 1,
    });
    expect(row?.updatedAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');

    expect(await bed.fail(habitsCreate, { name: 'meditate' })).toMatchObject({
      kind: 'tool_error',
      code: 'CONFLICT',
      message: `A habit named "meditate" exists already (id ${habit.id})`,
    });
    // Another space may use the name.
    await bed.call(habitsCreate, { name: 'Meditate' }, bed.b);
  });

  it('logs a habit (today by default) and answers with its progress', async () => {
    const { habit } = await bed.call(habitsCreate, {
      name: 'Push-ups',
      period: 'weekly',
      targetPerPeriod: 3,
    });
    const first = await bed.call(habitsLog, { habitId: habit.id, count: 2, note: 'sets of 20' });
    expect(first.log).toMatchObject({
      habitId: habit.id,
      loggedOn: '2026-11-25',
      count: 2,
      note: 'sets of 20',
    });
    expect(first.habit.progress).toEqual({
      periodStart: '2026-11-23',
      periodEnd: '2026-11-29',
      done: 2,
      target: 3,
      met: false,
      streak: 0,
    });
    const [row] = await bed.db.select().from(habitLogs).where(eq(habitLogs.id, first.log.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      habitId: habit.id,
      createdBy: bed.userId,
      loggedOn: '2026-11-25',
      count: 2,
    });

    const second = await bed.call(habitsLog, { habitId: habit.id, on: '2026-11-23' });
    expect(second.log).toMatchObject({ loggedOn: '2026-11-23', count: 1, note: null });
    expect(second.habit.progress).toMatchObject({ done: 3, met: true, streak: 1 });
  });

  it('lists active habits with done-this-period and streaks in days and weeks', async () => {
    const { habit: read } = await bed.call(habitsCreate, { name: 'Read', targetPerPeriod: 1 });
    for (const on of ['2026-11-20', '2026-11-22', '2026-11-23', '2026-11-24']) {
      await bed.call(habitsLog, { habitId: read.id, on });
    }
    const { habit: run } = await bed.call(habitsCreate, {
      name: 'Run',
      period: 'weekly',
      targetPerPeriod: 2,
    });
    // Weeks of Nov 2 (1 run: missed), Nov 9 (2), Nov 16 (3), this week 1 so far.
    for (const on of ['2026-11-03', '2026-11-10', '2026-11-12', '2026-11-16', '2026-11-25']) {
      await bed.call(habitsLog, { habitId: run.id, on });
    }
    await bed.call(habitsLog, { habitId: run.id, on: '2026-11-22', count: 2 });

    const all = await listed();
    expect(all.map((h) => h.name)).toEqual(['Meditate', 'Push-ups', 'Read', 'Run']);
    expect(all.find((h) => h.id === read.id)?.progress).toEqual({
      periodStart: '2026-11-25',
      periodEnd: '2026-11-25',
      done: 0,
      target: 1,
      met: false,
      streak: 3,
    });
    expect(all.find((h) => h.id === run.id)?.progress).toMatchObject({
      periodStart: '2026-11-23',
      done: 1,
      met: false,
      streak: 2,
    });

    await bed.call(habitsLog, { habitId: read.id });
    expect((await listed()).find((h) => h.id === read.id)?.progress).toMatchObject({
      done: 1,
      met: true,
      streak: 4,
    });
    // A day later without reading, the streak still stands until that day ends.
    bed.setNow('2026-11-26T20:00:00Z');
    expect((await listed()).find((h) => h.id === read.id)?.progress).toMatchObject({
      done: 0,
      streak: 4,
    });
    bed.setNow('2026-11-25T09:00:00Z');

    expect((await listed({ limit: 2 })).map((h) => h.name)).toEqual(['Meditate', 'Push-ups']);
    const inB = await listed({ status: 'all' }, bed.b);
    expect(inB.map((h) => h.name)).toEqual(['Meditate']);
    expect(inB[0]?.progress).toMatchObject({ done: 0, streak: 0 });
  });

  it('lists recent logs newest first, for one habit or all, within the days asked', async () => {
    const { habit: tea } = await bed.call(habitsCreate, { name: 'Green tea' });
    const { habit: walk } = await bed.call(habitsCreate, { name: 'Walk' });
    await bed.call(habitsLog, { habitId: tea.id, on: '2026-11-18' });
    await bed.call(habitsLog, { habitId: tea.id, on: '2026-11-19' });
    await bed.call(habitsLog, { habitId: walk.id, on: '2026-11-21', note: 'park' });
    await bed.call(habitsLog, { habitId: tea.id, on: '2026-11-24' });

    const teaLogs = await bed.call(habitsRecentLogs, { habitId: tea.id });
    expect(teaLogs).toMatchObject({ from: '2026-11-19', to: '2026-11-25', count: 2 });
    expect(teaLogs.logs.map((l: { loggedOn: string }) => l.loggedOn)).toEqual([
      '2026-11-24',
      '2026-11-19',
    ]);
    expect(teaLogs.logs[0]).toMatchObject({ habitId: tea.id, habitName: 'Green tea' });

    const longer = await bed.call(habitsRecentLogs, { habitId: tea.id, days: 8 });
    expect(longer.logs).toHaveLength(3);

    const everything = await bed.call(habitsRecentLogs, { days: 3 });
    expect(everything.from).toBe('2026-11-23');
    const days = everything.logs.map((l: { loggedOn: string }) => l.loggedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(days).not.toContain('2026-11-21');
    expect(everything.logs.map((l: { habitName: string }) => l.habitName)).toContain('Push-ups');
    expect((await bed.call(habitsRecentLogs, { days: 5 })).logs).toContainEqual(
      expect.objectContaining({ habitId: walk.id, note: 'park' }),
    );
    expect((await bed.call(habitsRecentLogs, { limit: 1 })).count).toBe(1);

    expect((await bed.call(habitsRecentLogs, { days: 30 }, bed.b)).logs).toEqual([]);
    expect(await bed.fail(habitsRecentLogs, { habitId: tea.id }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
      message: `No habit with id ${tea.id} in this space`,
    });
  });

  it('updates only the given fields and keeps names unique', async () => {
    const { habit } = await bed.call(habitsCreate, { name: 'Stretch', description: 'morning' });
    bed.setNow('2026-11-25T11:00:00Z');
    const { habit: updated } = await bed.call(habitsUpdate, {
      id: habit.id,
      name: 'Stretching',
      targetPerPeriod: 2,
      description: null,
    });
    expect(updated).toMatchObject({
      name: 'Stretching',
      description: null,
      targetPerPeriod: 2,
      period: 'daily',
      updatedAt: '2026-11-25T11:00:00.000Z',
    });
    const [row] = await bed.db.select().from(habits).where(eq(habits.id, habit.id));
    expect(row).toMatchObject({ name: 'Stretching', description: null, targetPerPeriod: 2 });
    bed.setNow('2026-11-25T09:00:00Z');

    // Renaming to its own name (other case) is fine, to another habit's name is not.
    await bed.call(habitsUpdate, { id: habit.id, name: 'STRETCHING' });
    expect(await bed.fail(habitsUpdate, { id: habit.id, name: 'walk' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await bed.fail(habitsUpdate, { id: habit.id, targetPerPeriod: 101, period: 'monthly' }),
    ).toMatchObject({
      kind: 'invalid_input',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'targetPerPeriod' }),
        expect.objectContaining({ path: 'period' }),
      ]),
    });
  });

  it('archives (idempotently), refuses logs of archived habits, and unarchives', async () => {
    const { habit } = await bed.call(habitsCreate, { name: 'Journal at night' });
    const archived = await bed.call(habitsArchive, { id: habit.id });
    expect(archived).toMatchObject({ alreadyArchived: false, habit: { archived: true } });
    expect((await bed.call(habitsArchive, { id: habit.id })).alreadyArchived).toBe(true);
    const [row] = await bed.db.select().from(habits).where(eq(habits.id, habit.id));
    expect(row?.archived).toBe(true);

    expect((await listed()).map((h) => h.id)).not.toContain(habit.id);
    expect((await listed({ status: 'archived' })).map((h) => h.id)).toEqual([habit.id]);
    expect(await bed.fail(habitsLog, { habitId: habit.id })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_STATE',
    });
    expect(await bed.db.select().from(habitLogs).where(eq(habitLogs.habitId, habit.id))).toEqual(
      [],
    );
    expect(await bed.fail(habitsCreate, { name: 'journal at night' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('archived'),
    });

    expect((await bed.call(habitsUnarchive, { id: habit.id })).habit.archived).toBe(false);
    expect((await bed.call(habitsLog, { habitId: habit.id })).log.habitId).toBe(habit.id);
    expect((await listed()).map((h) => h.id)).toContain(habit.id);
  });

  it('cannot read, log or change a habit of another space', async () => {
    const { habit } = await bed.call(habitsCreate, { name: 'Private habit' });
    for (const tool of [habitsArchive, habitsUnarchive, habitsDelete]) {
      expect(await bed.fail(tool, { id: habit.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No habit with id ${habit.id} in this space`,
      });
    }
    expect(await bed.fail(habitsUpdate, { id: habit.id, name: 'Mine' }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await bed.fail(habitsLog, { habitId: habit.id }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await bed.db.select().from(habits).where(eq(habits.id, habit.id));
    expect(row).toMatchObject({ name: 'Private habit', archived: false });
    expect(await bed.db.select().from(habitLogs).where(eq(habitLogs.habitId, habit.id))).toEqual(
      [],
    );
  });

  it('deletes a habit with its logs (a destructive tool) and names bad input fields', async () => {
    const { habit } = await bed.call(habitsCreate, { name: 'Temp habit' });
    await bed.call(habitsLog, { habitId: habit.id });
    expect(await bed.call(habitsDelete, { id: habit.id })).toEqual({ deleted: true, id: habit.id });
    expect(await bed.db.select().from(habits).where(eq(habits.id, habit.id))).toEqual([]);
    expect(await bed.db.select().from(habitLogs).where(eq(habitLogs.habitId, habit.id))).toEqual(
      [],
    );
    expect(habitsDelete.policyHint).toBe('destructive');
    expect(await bed.fail(habitsDelete, { id: habit.id })).toMatchObject({ code: 'NOT_FOUND' });

    const bad = await bed.fail(habitsCreate, { name: ' ', period: 'hourly', targetPerPeriod: 0 });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'name',
      'period',
      'targetPerPeriod',
    ]);
    const badLog = await bed.fail(habitsLog, { habitId: 'x', on: '25.11.2026', count: 0 });
    expect(badLog.kind === 'invalid_input' && badLog.fields.map((f) => f.path).sort()).toEqual([
      'count',
      'habitId',
      'on',
    ]);
    expect(await bed.fail(habitsRecentLogs, { days: 0 })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'days' }],
    });
  });
});
