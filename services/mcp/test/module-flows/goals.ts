import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/**
 * The goals module through the gateway:
 * create → list → update → log_progress → get → complete → abandon → reopen.
 */
export function goalsFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create → list → update → log_progress → get → complete → abandon → reopen', async () => {
    const { goal: run } = await call<{ goal: Item }>('goals.create', {
      title: 'Halbmarathon laufen',
      description: 'Unter 2 Stunden',
      targetDate: day(90),
    });
    expect(run).toMatchObject({ status: 'active', progress: 0, targetDate: day(90) });
    expect(await stored('goals', run.id)).toMatchObject({
      ...mine(),
      title: 'Halbmarathon laufen',
      target_date: day(90),
      progress: 0,
      status: 'active',
    });
    const { goal: rust } = await call<{ goal: Item }>('goals.create', { title: 'Rust lernen' });

    const active = await call<{ goals: Item[]; count: number }>('goals.list', {});
    expect(ids(active.goals)).toEqual([run.id, rust.id]);

    const moved = await call<{ goal: Item }>('goals.update', {
      id: run.id,
      targetDate: day(120),
      description: null,
    });
    expect(moved.goal).toMatchObject({ targetDate: day(120), description: null });
    expect(await stored('goals', run.id)).toMatchObject({
      target_date: day(120),
      description: null,
    });

    const progress = await call<{ goal: Item; checkin: Item; achieved: boolean }>(
      'goals.log_progress',
      { goalId: run.id, progress: 40, note: '15 km am Stück' },
    );
    expect(progress).toMatchObject({ achieved: false, goal: { progress: 40, status: 'active' } });
    expect((await stored('goals', run.id)).progress).toBe(40);
    expect(await stored('goal_checkins', progress.checkin.id)).toMatchObject({
      ...mine(),
      goal_id: run.id,
      progress: 40,
      note: '15 km am Stück',
    });
    const got = await call<{ goal: Item; recentCheckins: Item[] }>('goals.get', { id: run.id });
    expect(got.recentCheckins).toEqual([progress.checkin]);

    const achieved = await call<{ goal: Item; alreadyAchieved: boolean }>('goals.complete', {
      id: rust.id,
    });
    expect(achieved).toMatchObject({
      alreadyAchieved: false,
      goal: { status: 'achieved', progress: 100 },
    });
    const rustRow = await stored('goals', rust.id);
    expect(rustRow).toMatchObject({ status: 'achieved', progress: 100 });
    expect(instant(rustRow.achieved_at)).toBe(achieved.goal.achievedAt);

    const abandoned = await call<{ goal: Item; alreadyAbandoned: boolean }>('goals.abandon', {
      id: run.id,
    });
    expect(abandoned).toMatchObject({ alreadyAbandoned: false, goal: { status: 'abandoned' } });
    expect((await stored('goals', run.id)).status).toBe('abandoned');

    const reopened = await call<{ goal: Item }>('goals.reopen', { id: run.id });
    expect(reopened.goal).toMatchObject({ status: 'active', progress: 40 });
    expect(await stored('goals', run.id)).toMatchObject({ status: 'active', progress: 40 });
    expect(ids((await call<{ goals: Item[] }>('goals.list', {})).goals)).toEqual([run.id]);
    expect((await call<{ count: number }>('goals.list', { status: 'all' })).count).toBe(2);
  });
}
