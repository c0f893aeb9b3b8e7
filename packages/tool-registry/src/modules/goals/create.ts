import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateField, textField, titleField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.create`: sets a new goal at 0 % progress. */
export const goalsCreate = defineTool({
  name: 'goals.create',
  module: 'goals',
  description:
    'Set a new goal in the current space, optionally with a target date. It starts active at 0 %.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: titleField('What you want to achieve, e.g. "Run a half marathon"'),
    description: textField('Why it matters, or how you will get there', 5000).optional(),
    targetDate: dateField('The day you want to reach it by').optional(),
  }),
  output: z.object({ goal: goalOut }),
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$output.goal.id' },
        find: { item: 'goal' },
        expect: {
          title: '$input.title',
          description: '$output.goal.description',
          targetDate: '$output.goal.targetDate',
          status: 'active',
          progress: 0,
        },
      },
      {
        read: 'goals.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { title: '$output.goal.title' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(goals)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        title: input.title,
        description: input.description ?? null,
        targetDate: input.targetDate ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { goal: toGoal(row) };
  },
});
