import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { descriptionField, habitOut, nameField, periodField, targetField, toHabit } from './shape';
import { habits } from './table';
import { assertNameFree } from './unique-name';

/** `habits.update`: rename a habit or change its target. */
export const habitsUpdate = defineTool({
  name: 'habits.update',
  module: 'habits',
  description:
    'Change a habit’s name, description, period or target. Only the given fields change; description null clears it. Past logs stay.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('habit'),
    name: nameField().optional(),
    description: descriptionField()
      .nullable()
      .optional()
      .describe('What the habit is about, or why; null clears it'),
    period: periodField().optional(),
    targetPerPeriod: targetField().optional(),
  }),
  output: z.object({ habit: habitOut }),
  checks: {
    checks: [
      {
        read: 'habits.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: {
          name: '$output.habit.name',
          description: '$output.habit.description',
          period: '$output.habit.period',
          targetPerPeriod: '$output.habit.targetPerPeriod',
          archived: '$output.habit.archived',
        },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    if (changes.name !== undefined) await assertNameFree(ctx, changes.name, id);
    const row = await updateInSpace(ctx, habits, id, 'habit', { ...changes, updatedAt: ctx.now() });
    return { habit: toHabit(row) };
  },
});
