import { z } from 'zod';
import { iso, isoOut } from '../../fields';
import type { todos } from './table';

/** A todo as tools return it. */
export const todoOut = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  dueOn: z.string().nullable().describe('YYYY-MM-DD or null'),
  priority: z.enum(['low', 'normal', 'high']),
  tags: z.array(z.string()),
  status: z.enum(['open', 'done']),
  completedAt: isoOut.nullable(),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const priorityField = () => z.enum(['low', 'normal', 'high']).describe('How urgent it is');

/** Maps a row to {@link todoOut}. */
export function toTodo(row: typeof todos.$inferSelect): z.input<typeof todoOut> {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueOn: row.dueOn,
    priority: row.priority,
    tags: row.tags,
    status: row.status,
    completedAt: iso(row.completedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
