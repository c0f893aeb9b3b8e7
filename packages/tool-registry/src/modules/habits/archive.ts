import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { habitOut, toHabit } from './shape';
import { habits } from './table';

/** `habits.archive`: stop tracking a habit but keep its history. */
export const habitsArchive = defineTool({
  name: 'habits.archive',
  module: 'habits',
  description:
    'Archive a habit: it leaves the active list and cannot be logged, but its history stays. Archiving an archived habit changes nothing.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('habit') }),
  output: z.object({ habit: habitOut, alreadyArchived: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'habits.list',
        input: { status: 'archived', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: { archived: true },
      },
      {
        read: 'habits.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const existing = await oneInSpace(ctx, habits, id, 'habit');
    if (existing.archived) return { habit: toHabit(existing), alreadyArchived: true };
    const row = await updateInSpace(ctx, habits, id, 'habit', {
      archived: true,
      updatedAt: ctx.now(),
    });
    return { habit: toHabit(row), alreadyArchived: false };
  },
});
