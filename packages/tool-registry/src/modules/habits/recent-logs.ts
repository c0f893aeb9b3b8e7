import { desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idField, limitField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { addDays, dayOf } from './period';
import { habitLogOut, toHabitLog } from './shape';
import { habitLogs, habits } from './table';

const recentLogOut = habitLogOut.extend({ habitName: z.string() });

/** `habits.recent_logs`: what was done lately, newest first. */
export const habitsRecentLogs = defineTool({
  name: 'habits.recent_logs',
  module: 'habits',
  description:
    'List the habit logs of the last days (today included), newest first, for one habit or all habits of the current space.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    habitId: idField('habit')
      .optional()
      .describe('Only logs of this habit; all habits if left out'),
    days: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(7)
      .describe('How many days back to look, today included (1–366)'),
    limit: limitField(200, 50),
  }),
  output: z.object({
    logs: z.array(recentLogOut),
    count: z.number().int(),
    from: z.string().describe('First day looked at, YYYY-MM-DD'),
    to: z.string().describe('Last day looked at (today), YYYY-MM-DD'),
  }),
  handler: async (input, ctx) => {
    const to = dayOf(ctx.now());
    const from = addDays(to, 1 - input.days);
    const where: SQL[] = [gte(habitLogs.loggedOn, from), lte(habitLogs.loggedOn, to)];
    if (input.habitId) {
      await oneInSpace(ctx, habits, input.habitId, 'habit');
      where.push(eq(habitLogs.habitId, input.habitId));
    }
    const rows = await ctx.db
      .select({ log: habitLogs, habitName: habits.name })
      .from(habitLogs)
      .innerJoin(habits, eq(habits.id, habitLogs.habitId))
      .where(inSpace(habitLogs, ctx, inSpace(habits, ctx), ...where))
      .orderBy(desc(habitLogs.loggedOn), desc(habitLogs.createdAt), desc(habitLogs.id))
      .limit(input.limit);
    return {
      logs: rows.map((r) => ({ ...toHabitLog(r.log), habitName: r.habitName })),
      count: rows.length,
      from,
      to,
    };
  },
});
