import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField, textField } from '../../fields';
import { idInSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { checkinOut, goalOut, toCheckin, toGoal } from './shape';
import { goalCheckins, goals } from './table';

/** `goals.log_progress`: notes how far an active goal has come; 100 % achieves it. */
export const goalsLogProgress = defineTool({
  name: 'goals.log_progress',
  module: 'goals',
  description:
    'Record progress on an active goal as a percentage (0–100) with an optional note. Reaching 100 marks the goal achieved.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    goalId: idField('goal'),
    progress: z.number().int().min(0).max(100).describe('How far along the goal is now, in %'),
    note: textField('What moved it, e.g. "Ran 15 km today"', 2000).optional(),
  }),
  output: z.object({ goal: goalOut, checkin: checkinOut, achieved: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'goals.get',
        input: { id: '$input.goalId' },
        find: { list: 'recentCheckins', where: { id: '$output.checkin.id' } },
        expect: { progress: '$input.progress', note: '$output.checkin.note' },
      },
      {
        read: 'goals.get',
        input: { id: '$input.goalId' },
        find: { item: 'goal' },
        expect: { progress: '$input.progress', status: '$output.goal.status' },
      },
      {
        read: 'goals.list',
        input: { status: '$output.goal.status', limit: 100 },
        find: { list: 'goals', where: { id: '$output.goal.id' } },
        expect: { progress: '$input.progress' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const existing = await oneInSpace(ctx, goals, input.goalId, 'goal');
    if (existing.status !== 'active') {
      throw new ToolError(
        'INVALID_STATE',
        `Goal "${existing.title}" is ${existing.status}; progress can only be logged on active goals`,
      );
    }
    const now = ctx.now();
    const achieved = input.progress === 100;
    const [goal] = await ctx.db
      .update(goals)
      .set({
        progress: input.progress,
        updatedAt: now,
        ...(achieved ? { status: 'achieved' as const, achievedAt: now } : {}),
      })
      .where(idInSpace(goals, ctx, input.goalId, eq(goals.status, 'active')))
      .returning();
    if (!goal)
      throw new ToolError(
        'INVALID_STATE',
        `Goal "${existing.title}" changed meanwhile; look again`,
      );
    const [checkin] = await ctx.db
      .insert(goalCheckins)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        goalId: goal.id,
        progress: input.progress,
        note: input.note ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!checkin) throw new Error('insert returned no row');
    return { goal: toGoal(goal), checkin: toCheckin(checkin), achieved };
  },
});
