import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
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
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$output.goal.id' },
        find: { item: 'goal' },
        expect: { status: 'achieved', progress: 100, achievedAt: '$output.goal.achievedAt' },
      },
      {
        read: 'goals.list',
        input: { status: 'achieved', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { status: 'achieved' },
      },
      {
        read: 'goals.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const existing = await oneInSpace(ctx, goals, id, 'goal');
    if (existing.status === 'achieved') return { goal: toGoal(existing), alreadyAchieved: true };
    const now = ctx.now();
    const row = await updateInSpace(ctx, goals, id, 'goal', {
      status: 'achieved',
      progress: 100,
      achievedAt: now,
      updatedAt: now,
    });
    return { goal: toGoal(row), alreadyAchieved: false };
  },
});
