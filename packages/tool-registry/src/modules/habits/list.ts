import { asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { limitField } from '../../fields';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { loadProgress } from './progress';
import { habitWithProgressOut, toHabitWithProgress } from './shape';
import { habits } from './table';

/** `habits.list`: the habits of a space with how they stand this period. */
export const habitsList = defineTool({
  name: 'habits.list',
  module: 'habits',
  description:
    'List the habits of the current space (active ones unless asked otherwise), oldest first, each with how often it was done in the current day or week and its current streak.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum(['active', 'archived', 'all'])
      .default('active')
      .describe('Which habits to list'),
    limit: limitField(100, 50),
  }),
  output: z.object({ habits: z.array(habitWithProgressOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.status !== 'all') where.push(eq(habits.archived, input.status === 'archived'));
    const rows = await ctx.db
      .select()
      .from(habits)
      .where(inSpace(habits, ctx, ...where))
      .orderBy(asc(habits.createdAt), asc(habits.name), asc(habits.id))
      .limit(input.limit);
    const progress = await loadProgress(ctx, rows);
    return {
      habits: rows.flatMap((row) => {
        const p = progress.get(row.id);
        return p ? [toHabitWithProgress(row, p)] : [];
      }),
      count: rows.length,
    };
  },
});
