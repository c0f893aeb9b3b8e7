import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { findGoal, goalWhere } from './find-goal';
import { goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.complete`: marks a goal achieved at 100 %. */
export const goalsComplete = defineTool({
  name: 'goals.complete',
  module: 'goals',
  description:
    'Mark a goal as achieved (progress 100 %). Completing an achieved goal keeps its first achievement time.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('goal') }),
  output: z.object({ goal: goalOut, alreadyAchieved: z.boolean() }),
  handler: async ({ id }, ctx) => {
    const existing = await findGoal(id, ctx);
    if (existing.status === 'achieved') return { goal: toGoal(existing), alreadyAchieved: true };
    const now = ctx.now();
    const [row] = await ctx.db
      .update(goals)
      .set({ status: 'achieved', progress: 100, achievedAt: now, updatedAt: now })
      .where(goalWhere(id, ctx))
      .returning();
    if (!row) throw notFound('goal', id);
    return { goal: toGoal(row), alreadyAchieved: false };
  },
});
