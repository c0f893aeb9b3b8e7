import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { goalsAbandon } from './abandon';
import { goalsComplete } from './complete';
import { goalsCreate } from './create';
import { goalsDelete } from './delete';
import { goalsGet } from './get';
import { goalsList } from './list';
import { goalsLogProgress } from './log-progress';
import { goalsReopen } from './reopen';
import { goalCheckins, goals } from './table';
import { goalsUpdate } from './update';

const titles = (out: { goals: { title: string }[] }) => out.goals.map((g) => g.title);

describe('goals module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const stored = async (id: string) =>
    (await bed.db.select().from(goals).where(eq(goals.id, id)))[0];

  it('creates an active goal at 0 % in the caller’s space', async () => {
    const { goal } = await bed.call(goalsCreate, {
      title: 'Run a half marathon',
      description: 'Berlin, April',
      targetDate: '2027-04-04',
    });
    expect(goal).toMatchObject({
      title: 'Run a half marathon',
      description: 'Berlin, April',
      targetDate: '2027-04-04',
      progress: 0,
      status: 'active',
      achievedAt: null,
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    expect(await stored(goal.id)).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      title: 'Run a half marathon',
      targetDate: '2027-04-04',
      progress: 0,
    });
  });

  it('logs progress on active goals and achieves at 100', async () => {
    const { goal } = await bed.call(goalsCreate, { title: 'Read 12 books' });
    const step = await bed.call(goalsLogProgress, {
      goalId: goal.id,
      progress: 40,
      note: 'Book 5 done',
    });
    expect(step).toMatchObject({
      achieved: false,
      goal: { progress: 40, status: 'active' },
      checkin: { goalId: goal.id, progress: 40, note: 'Book 5 done' },
    });
    bed.setNow('2026-12-20T18:00:00Z');
    const done = await bed.call(goalsLogProgress, { goalId: goal.id, progress: 100 });
    expect(done).toMatchObject({
      achieved: true,
      goal: { progress: 100, status: 'achieved', achievedAt: '2026-12-20T18:00:00.000Z' },
      checkin: { progress: 100, note: null },
    });
    expect(await stored(goal.id)).toMatchObject({ progress: 100, status: 'achieved' });
    const checkins = await bed.db
      .select()
      .from(goalCheckins)
      .where(eq(goalCheckins.goalId, goal.id));
    expect(checkins.map((c) => c.progress).sort()).toEqual([100, 40]);
    expect(checkins.every((c) => c.spaceId === bed.spaceA)).toBe(true);

    expect(await bed.fail(goalsLogProgress, { goalId: goal.id, progress: 50 })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_STATE',
      message: 'Goal "Read 12 books" is achieved; progress can only be logged on active goals',
    });
    const { recentCheckins } = await bed.call(goalsGet, { id: goal.id });
    expect(recentCheckins.map((c: { progress: number }) => c.progress)).toEqual([100, 40]);
  });

  it('completes, abandons and reopens with the state rules', async () => {
    bed.setNow('2026-11-25T10:00:00Z');
    const { goal } = await bed.call(goalsCreate, { title: 'Learn Spanish' });
    await bed.call(goalsLogProgress, { goalId: goal.id, progress: 30 });
    const abandoned = await bed.call(goalsAbandon, { id: goal.id });
    expect(abandoned).toMatchObject({
      alreadyAbandoned: false,
      goal: { status: 'abandoned', progress: 30 },
    });
    expect((await bed.call(goalsAbandon, { id: goal.id })).alreadyAbandoned).toBe(true);
    expect(await bed.fail(goalsLogProgress, { goalId: goal.id, progress: 35 })).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect((await stored(goal.id))?.progress).toBe(30);

    const reopened = await bed.call(goalsReopen, { id: goal.id });
    expect(reopened.goal).toMatchObject({ status: 'active', progress: 30 });
    bed.setNow('2026-11-26T09:00:00Z');
    const completed = await bed.call(goalsComplete, { id: goal.id });
    expect(completed).toMatchObject({
      alreadyAchieved: false,
      goal: { status: 'achieved', progress: 100, achievedAt: '2026-11-26T09:00:00.000Z' },
    });
    bed.setNow('2026-11-27T09:00:00Z');
    expect(await bed.call(goalsComplete, { id: goal.id })).toMatchObject({
      alreadyAchieved: true,
      goal: { achievedAt: '2026-11-26T09:00:00.000Z' },
    });
    expect(await bed.fail(goalsAbandon, { id: goal.id })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await stored(goal.id)).toMatchObject({ status: 'achieved', progress: 100 });
  });

  it('updates only the given fields and lists by status, nearest target first', async () => {
    const { goal } = await bed.call(goalsCreate, {
      title: 'Save 5000 EUR',
      description: 'Emergency fund',
      targetDate: '2027-12-31',
    });
    const { goal: updated } = await bed.call(goalsUpdate, {
      id: goal.id,
      title: 'Save 6000 EUR',
      description: null,
      targetDate: '2026-12-31',
    });
    expect(updated).toMatchObject({
      title: 'Save 6000 EUR',
      description: null,
      targetDate: '2026-12-31',
    });
    expect(await stored(goal.id)).toMatchObject({ title: 'Save 6000 EUR', description: null });
    await bed.call(goalsCreate, { title: 'Family holiday' }, bed.b);

    expect(titles(await bed.call(goalsList, {}))).toEqual(['Save 6000 EUR', 'Run a half marathon']);
    expect(titles(await bed.call(goalsList, { status: 'achieved' }))).toEqual([
      'Read 12 books',
      'Learn Spanish',
    ]);
    expect(titles(await bed.call(goalsList, { status: 'all' }))).toHaveLength(4);
    expect(titles(await bed.call(goalsList, { status: 'abandoned' }))).toEqual([]);
    expect(titles(await bed.call(goalsList, {}, bed.b))).toEqual(['Family holiday']);
  });

  it('cannot read or change a goal of another space', async () => {
    const { goal } = await bed.call(goalsCreate, { title: 'Private' });
    for (const tool of [goalsGet, goalsComplete, goalsAbandon, goalsReopen, goalsDelete]) {
      expect(await bed.fail(tool, { id: goal.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No goal with id ${goal.id} in this space`,
      });
    }
    expect(await bed.fail(goalsUpdate, { id: goal.id, title: 'Hijacked' }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await bed.fail(goalsLogProgress, { goalId: goal.id, progress: 10 }, bed.b),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await stored(goal.id)).toMatchObject({
      title: 'Private',
      status: 'active',
      progress: 0,
    });
    expect(
      await bed.db.select().from(goalCheckins).where(eq(goalCheckins.goalId, goal.id)),
    ).toEqual([]);
  });

  it('deletes with its check-ins (a destructive tool) and names bad input fields', async () => {
    const { goal } = await bed.call(goalsCreate, { title: 'Temp' });
    await bed.call(goalsLogProgress, { goalId: goal.id, progress: 5 });
    expect(await bed.call(goalsDelete, { id: goal.id })).toEqual({ deleted: true, id: goal.id });
    expect(await stored(goal.id)).toBeUndefined();
    expect(
      await bed.db.select().from(goalCheckins).where(eq(goalCheckins.goalId, goal.id)),
    ).toEqual([]);
    expect(goalsDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(goalsCreate, { title: '', targetDate: 'next spring' });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'targetDate',
      'title',
    ]);
    const badLog = await bed.fail(goalsLogProgress, { goalId: 'x', progress: 120 });
    expect(badLog.kind === 'invalid_input' && badLog.fields.map((f) => f.path).sort()).toEqual([
      'goalId',
      'progress',
    ]);
    expect(await bed.fail(goalsList, { status: 'done' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'status' }],
    });
  });
});
