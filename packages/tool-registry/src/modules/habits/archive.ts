import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { habitOut, toHabit } from './shape';
import { habits } from './table';

/** `habits.archive`: stop tracking a habit but keep its history. */
export const habitsArchive = defineTool({
  name: 'habits.archive',
  module: 'habits',
  description:
    'Archive a habit: it leaves the active list and cannot be logged, but its history stays. Archiving an archived habit changes nothing.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('habit') }),
  output: z.object({ habit: habitOut, alreadyArchived: z.boolean() }),
  handler: async ({ id }, ctx) => {
    const where = and(eq(habits.id, id), eq(habits.spaceId, ctx.spaceId));
    const [existing] = await ctx.db.select().from(habits).where(where);
    if (!existing) throw notFound('habit', id);
    if (existing.archived) return { habit: toHabit(existing), alreadyArchived: true };
    const [row] = await ctx.db
      .update(habits)
      .set({ archived: true, updatedAt: ctx.now() })
      .where(where)
      .returning();
    if (!row) throw notFound('habit', id);
    return { habit: toHabit(row), alreadyArchived: false };
  },
});
