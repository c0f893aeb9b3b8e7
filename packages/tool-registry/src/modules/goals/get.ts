import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { checkinOut, goalOut, toCheckin, toGoal } from './shape';
import { goalCheckins, goals } from './table';

const RECENT = 10;

/** `goals.get`: one goal with its latest progress notes. */
export const goalsGet = defineTool({
  name: 'goals.get',
  module: 'goals',
  description: `Show one goal of the current space with its ${RECENT} most recent progress check-ins, newest first.`,
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('goal') }),
  output: z.object({ goal: goalOut, recentCheckins: z.array(checkinOut) }),
  handler: async ({ id }, ctx) => {
    const goal = await oneInSpace(ctx, goals, id, 'goal');
    const checkins = await ctx.db
      .select()
      .from(goalCheckins)
      .where(inSpace(goalCheckins, ctx, eq(goalCheckins.goalId, id)))
      .orderBy(desc(goalCheckins.createdAt), desc(goalCheckins.id))
      .limit(RECENT);
    return { goal: toGoal(goal), recentCheckins: checkins.map(toCheckin) };
  },
});
