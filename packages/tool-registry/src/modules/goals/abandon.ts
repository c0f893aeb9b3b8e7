import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.abandon`: gives up an active goal, keeping its history. */
export const goalsAbandon = defineTool({
  name: 'goals.abandon',
  module: 'goals',
  description:
    'Give up an active goal; it keeps its progress and check-ins. An achieved goal cannot be abandoned.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('goal') }),
  output: z.object({ goal: goalOut, alreadyAbandoned: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$output.goal.id' },
        find: { item: 'goal' },
        expect: { status: 'abandoned' },
      },
      {
        read: 'goals.list',
        input: { status: 'abandoned', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { status: 'abandoned' },
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
    if (existing.status === 'abandoned') return { goal: toGoal(existing), alreadyAbandoned: true };
    if (existing.status === 'achieved') {
      throw new ToolError('INVALID_STATE', `Goal "${existing.title}" is already achieved`);
    }
    const [row] = await ctx.db
      .update(goals)
      .set({ status: 'abandoned', updatedAt: ctx.now() })
      .where(idInSpace(goals, ctx, id, eq(goals.status, 'active')))
      .returning();
    if (!row)
      throw new ToolError(
        'INVALID_STATE',
        `Goal "${existing.title}" changed meanwhile; look again`,
      );
    return { goal: toGoal(row), alreadyAbandoned: false };
  },
});
