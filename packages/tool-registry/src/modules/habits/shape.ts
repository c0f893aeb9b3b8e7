import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { HabitProgress } from './period';
import type { habitLogs, habits } from './table';

/** A habit as tools return it. */
export const habitOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  period: z.enum(['daily', 'weekly']),
  targetPerPeriod: z.number().int(),
  archived: z.boolean(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

/** How a habit stands in the current period. */
export const progressOut = z.object({
  periodStart: z.string().describe('First day of the current period, YYYY-MM-DD'),
  periodEnd: z.string().describe('Last day of the current period, YYYY-MM-DD'),
  done: z.number().int().describe('How often it was done in the current period'),
  target: z.number().int().describe('How often it should be done per period'),
  met: z.boolean().describe('Whether the target of the current period is reached'),
  streak: z
    .number()
    .int()
    .describe(
      'Consecutive periods (days or weeks) that met the target, counting the current one once it is met',
    ),
});

/** A habit with its progress in the current period. */
export const habitWithProgressOut = habitOut.extend({ progress: progressOut });

/** One time a habit was done. */
export const habitLogOut = z.object({
  id: z.string(),
  habitId: z.string(),
  loggedOn: z.string().describe('YYYY-MM-DD'),
  count: z.number().int(),
  note: z.string().nullable(),
  createdAt: isoOut,
});

export const nameField = () => titleField('Name of the habit, e.g. "Meditate"', 100);
export const descriptionField = () => textField('What the habit is about, or why', 2000);
export const periodField = () =>
  z.enum(['daily', 'weekly']).describe('Whether the target counts per day or per week (Mon–Sun)');
export const targetField = () =>
  z.number().int().min(1).max(100).describe('How often to do it per period');

/** Maps a row to {@link habitOut}. */
export function toHabit(row: typeof habits.$inferSelect): z.input<typeof habitOut> {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    period: row.period,
    targetPerPeriod: row.targetPerPeriod,
    archived: row.archived,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Maps a row and its progress to {@link habitWithProgressOut}. */
export function toHabitWithProgress(
  row: typeof habits.$inferSelect,
  progress: HabitProgress,
): z.input<typeof habitWithProgressOut> {
  return { ...toHabit(row), progress };
}

/** Maps a row to {@link habitLogOut}. */
export function toHabitLog(row: typeof habitLogs.$inferSelect): z.input<typeof habitLogOut> {
  return {
    id: row.id,
    habitId: row.habitId,
    loggedOn: row.loggedOn,
    count: row.count,
    note: row.note,
    createdAt: iso(row.createdAt),
  };
}
