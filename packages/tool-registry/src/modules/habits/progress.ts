import { inArray, sql } from 'drizzle-orm';
import { inSpace } from '../../space-scope';
import type { ToolContext } from '../../tool-spec';
import { dayOf, type HabitProgress, habitProgress } from './period';
import { habitLogs, type habits } from './table';

/**
 * Loads the logged counts per day of the given habits (one query) and works out each
 * habit's progress in the period holding today.
 */
export async function loadProgress(
  ctx: ToolContext,
  rows: (typeof habits.$inferSelect)[],
): Promise<Map<string, HabitProgress>> {
  const result = new Map<string, HabitProgress>();
  if (rows.length === 0) return result;
  const sums = await ctx.db
    .select({
      habitId: habitLogs.habitId,
      day: habitLogs.loggedOn,
      count: sql<number>`sum(${habitLogs.count})::int`.mapWith(Number),
    })
    .from(habitLogs)
    .where(
      inSpace(
        habitLogs,
        ctx,
        inArray(
          habitLogs.habitId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .groupBy(habitLogs.habitId, habitLogs.loggedOn);
  const byHabit = new Map<string, [string, number][]>();
  for (const sum of sums) {
    const days = byHabit.get(sum.habitId) ?? [];
    days.push([sum.day, sum.count]);
    byHabit.set(sum.habitId, days);
  }
  const today = dayOf(ctx.now());
  for (const row of rows) {
    result.set(row.id, habitProgress(row, byHabit.get(row.id) ?? [], today));
  }
  return result;
}
