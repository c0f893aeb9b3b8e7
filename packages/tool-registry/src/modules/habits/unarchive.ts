import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { habitOut, toHabit } from './shape';
import { habits } from './table';

/** `habits.unarchive`: track an archived habit again. */
export const habitsUnarchive = defineTool({
  name: 'habits.unarchive',
  module: 'habits',
  description: 'Make an archived habit active again, so it shows in the list and can be logged.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('habit') }),
  output: z.object({ habit: habitOut }),
  handler: async ({ id }, ctx) => {
    const [row] = await ctx.db
      .update(habits)
      .set({ archived: false, updatedAt: ctx.now() })
      .where(and(eq(habits.id, id), eq(habits.spaceId, ctx.spaceId)))
      .returning();
    if (!row) throw notFound('habit', id);
    return { habit: toHabit(row) };
  },
});
