import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { habitOut, toHabit } from './shape';
import { habits } from './table';

/** `habits.unarchive`: track an archived habit again. */
export const habitsUnarchive = defineTool({
  name: 'habits.unarchive',
  module: 'habits',
  description: 'Make an archived habit active again, so it shows in the list and can be logged.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('habit') }),
  output: z.object({ habit: habitOut }),
  checks: {
    checks: [
      {
        read: 'habits.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: { archived: false },
      },
      {
        read: 'habits.list',
        input: { status: 'archived', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const row = await updateInSpace(ctx, habits, id, 'habit', {
      archived: false,
      updatedAt: ctx.now(),
    });
    return { habit: toHabit(row) };
  },
});
