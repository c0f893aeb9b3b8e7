import { asc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField } from '../../fields';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { GOAL_STATUSES, goalOut, toGoal } from './shape';
import { goals } from './table';

/** `goals.list`: goals by status, nearest target date first. */
export const goalsList = defineTool({
  name: 'goals.list',
  module: 'goals',
  description:
    'List goals of the current space (active ones unless a status is given), nearest target date first; goals without a date come last.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum([...GOAL_STATUSES, 'all'])
      .default('active')
      .describe('Which goals to list'),
    limit: limitField(),
  }),
  output: z.object({ goals: z.array(goalOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.status !== 'all') where.push(eq(goals.status, input.status));
    const rows = await ctx.db
      .select()
      .from(goals)
      .where(inSpace(goals, ctx, ...where))
      .orderBy(sql`${goals.targetDate} asc nulls last`, asc(goals.createdAt), asc(goals.id))
      .limit(input.limit);
    return { goals: rows.map(toGoal), count: rows.length };
  },
});
