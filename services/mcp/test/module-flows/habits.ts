import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/**
 * The habits module through the gateway:
 * create → log → list → recent_logs → update → archive → unarchive.
 */
export function habitsFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create → log → list → recent_logs → update → archive → unarchive', async () => {
    const { habit: meditate } = await call<{ habit: Item }>('habits.create', {
      name: 'Meditieren',
      description: 'Zehn Minuten vor der Uni',
    });
    expect(meditate).toMatchObject({ period: 'daily', targetPerPeriod: 1, archived: false });
    expect(await stored('habits', meditate.id)).toMatchObject({
      ...mine(),
      name: 'Meditieren',
      period: 'daily',
      target_per_period: 1,
      archived: false,
    });
    const { habit: jog } = await call<{ habit: Item }>('habits.create', {
      name: 'Joggen',
      period: 'weekly',
      targetPerPeriod: 3,
    });

    await call('habits.log', { habitId: meditate.id, on: day(-1) });
    const logged = await call<{ log: Item; habit: Item }>('habits.log', {
      habitId: meditate.id,
      note: 'Mit App',
    });
    expect(logged.log).toMatchObject({ habitId: meditate.id, loggedOn: day(), count: 1 });
    expect(logged.habit.progress).toMatchObject({ done: 1, target: 1, met: true, streak: 2 });
    expect(await stored('habit_logs', logged.log.id)).toMatchObject({
      ...mine(),
      habit_id: meditate.id,
      logged_on: day(),
      count: 1,
      note: 'Mit App',
    });
    const run = await call<{ log: Item; habit: Item }>('habits.log', {
      habitId: jog.id,
      count: 2,
    });
    expect(run.habit.progress).toMatchObject({ done: 2, target: 3, met: false });
    expect(await stored('habit_logs', run.log.id)).toMatchObject({ habit_id: jog.id, count: 2 });

    const listed = await call<{ habits: Item[]; count: number }>('habits.list', {});
    expect(ids(listed.habits)).toEqual([meditate.id, jog.id]);
    expect(listed.habits[0]?.progress).toMatchObject({ streak: 2, met: true });

    const recent = await call<{ logs: Item[]; count: number; to: string }>('habits.recent_logs', {
      habitId: meditate.id,
      days: 7,
    });
    expect(recent.logs.map((l) => [l.loggedOn, l.habitName])).toEqual([
      [day(), 'Meditieren'],
      [day(-1), 'Meditieren'],
    ]);
    expect(recent.to).toBe(day());
    expect((await call<{ count: number }>('habits.recent_logs', {})).count).toBe(3);

    const renamed = await call<{ habit: Item }>('habits.update', {
      id: jog.id,
      name: 'Laufen',
      targetPerPeriod: 2,
    });
    expect(renamed.habit).toMatchObject({ name: 'Laufen', targetPerPeriod: 2 });
    expect(await stored('habits', jog.id)).toMatchObject({
      name: 'Laufen',
      target_per_period: 2,
    });

    const archived = await call<{ habit: Item; alreadyArchived: boolean }>('habits.archive', {
      id: jog.id,
    });
    expect(archived).toMatchObject({ alreadyArchived: false, habit: { archived: true } });
    expect((await stored('habits', jog.id)).archived).toBe(true);
    const shelf = await call<{ habits: Item[] }>('habits.list', { status: 'archived' });
    expect(ids(shelf.habits)).toEqual([jog.id]);
    // Past logs stay: the two runs now meet the lowered weekly target.
    expect(shelf.habits[0]?.progress).toMatchObject({ done: 2, target: 2, met: true });

    const back = await call<{ habit: Item }>('habits.unarchive', { id: jog.id });
    expect(back.habit.archived).toBe(false);
    expect((await stored('habits', jog.id)).archived).toBe(false);
  });
}
