import { z } from 'zod';
import { iso, isoOut } from '../../fields';
import type { goalCheckins, goals } from './table';

export const GOAL_STATUSES = ['active', 'achieved', 'abandoned'] as const;

/** A goal as tools return it. */
export const goalOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  targetDate: z.string().nullable().describe('YYYY-MM-DD or null'),
  progress: z.number().int().describe('0–100 %'),
  status: z.enum(GOAL_STATUSES),
  achievedAt: isoOut.nullable(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

/** One progress note on a goal. */
export const checkinOut = z.object({
  id: z.string(),
  goalId: z.string(),
  progress: z.number().int(),
  note: z.string().nullable(),
  createdAt: isoOut,
});

/** Maps a row to {@link goalOut}. */
export function toGoal(row: typeof goals.$inferSelect): z.input<typeof goalOut> {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    targetDate: row.targetDate,
    progress: row.progress,
    status: row.status,
    achievedAt: iso(row.achievedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** Maps a row to {@link checkinOut}. */
export function toCheckin(row: typeof goalCheckins.$inferSelect): z.input<typeof checkinOut> {
  return {
    id: row.id,
    goalId: row.goalId,
    progress: row.progress,
    note: row.note,
    createdAt: iso(row.createdAt),
  };
}
