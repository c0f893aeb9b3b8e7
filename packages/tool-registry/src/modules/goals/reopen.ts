import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.reopen`: makes an achieved or abandoned goal active again. */
export const goalsReopen = defineTool({
  name: 'goals.reopen',
  module: 'goals',
  description:
    'Make an achieved or abandoned goal active again so progress can be logged; its progress stays as it was.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('goal') }),
  output: z.object({ goal: goalOut }),
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$output.goal.id' },
        find: { item: 'goal' },
        expect: { status: 'active', achievedAt: null },
      },
      {
        read: 'goals.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { status: 'active' },
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const row = await updateInSpace(ctx, goals, id, 'goal', {
      status: 'active',
      achievedAt: null,
      updatedAt: ctx.now(),
    });
    return { goal: toGoal(row) };
  },
});
