import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, idField, textField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { dayOf } from './period';
import { loadProgress } from './progress';
import { habitLogOut, habitWithProgressOut, toHabitLog, toHabitWithProgress } from './shape';
import { habitLogs, habits } from './table';

/** `habits.log`: record that a habit was done. */
export const habitsLog = defineTool({
  name: 'habits.log',
  module: 'habits',
  description:
    'Record that a habit was done (today unless another day is given). Returns the log and how the habit now stands in the current period, with its streak.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    habitId: idField('habit'),
    on: dateField('The day it was done; today if left out').optional(),
    count: z.number().int().min(1).max(1000).default(1).describe('How many times it was done'),
    note: textField('A short note', 2000).optional(),
  }),
  output: z.object({ log: habitLogOut, habit: habitWithProgressOut }),
  checks: {
    checks: [
      {
        read: 'habits.recent_logs',
        input: { habitId: '$output.log.habitId', days: 366, limit: 200 },
        find: { list: 'logs', where: { id: '$output.log.id' } },
        expect: {
          habitId: '$input.habitId',
          loggedOn: '$output.log.loggedOn',
          count: '$output.log.count',
          note: '$output.log.note',
        },
      },
      {
        read: 'habits.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: {
          'progress.done': '$output.habit.progress.done',
          'progress.streak': '$output.habit.progress.streak',
        },
      },
    ],
  },
  handler: async (input, ctx) => {
    const habit = await oneInSpace(ctx, habits, input.habitId, 'habit');
    if (habit.archived) {
      throw new ToolError(
        'INVALID_STATE',
        `The habit "${habit.name}" is archived; unarchive it before logging`,
      );
    }
    const [row] = await ctx.db
      .insert(habitLogs)
      .values({
        id: randomUUID(),
        habitId: habit.id,
        spaceId: ctx.spaceId,
        loggedOn: input.on ?? dayOf(ctx.now()),
        count: input.count,
        note: input.note ?? null,
        createdBy: ctx.userId,
        createdAt: ctx.now(),
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    const progress = (await loadProgress(ctx, [habit])).get(habit.id);
    if (!progress) throw new Error('no progress for the logged habit');
    return { log: toHabitLog(row), habit: toHabitWithProgress(habit, progress) };
  },
});
