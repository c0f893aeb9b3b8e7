import { z } from 'zod';
import { dateField, idField, textField, titleField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.update`: rewords a goal or moves its target date. */
export const goalsUpdate = defineTool({
  name: 'goals.update',
  module: 'goals',
  description:
    'Change a goal’s title, description or target date. Only the given fields change; null clears the description or the date.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('goal'),
    title: titleField('What you want to achieve').optional(),
    description: textField('Why it matters', 5000)
      .nullable()
      .optional()
      .describe('Why it matters, or how you will get there; null clears it'),
    targetDate: dateField('The day you want to reach it by')
      .nullable()
      .optional()
      .describe('The day you want to reach it by, as YYYY-MM-DD; null clears it'),
  }),
  output: z.object({ goal: goalOut }),
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$output.goal.id' },
        find: { item: 'goal' },
        expect: {
          title: '$output.goal.title',
          description: '$output.goal.description',
          targetDate: '$output.goal.targetDate',
        },
      },
      {
        read: 'goals.list',
        input: { status: '$output.goal.status', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { title: '$output.goal.title', targetDate: '$output.goal.targetDate' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    const row = await updateInSpace(ctx, goals, id, 'goal', { ...changes, updatedAt: ctx.now() });
    return { goal: toGoal(row) };
  },
});
