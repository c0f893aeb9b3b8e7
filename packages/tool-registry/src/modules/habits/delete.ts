import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { habits } from './table';

/** `habits.delete`: remove a habit and all its logs. */
export const habitsDelete = defineTool({
  name: 'habits.delete',
  module: 'habits',
  description: 'Delete a habit and all its logs for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('habit') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(habits)
      .where(and(eq(habits.id, id), eq(habits.spaceId, ctx.spaceId)))
      .returning({ id: habits.id });
    if (rows.length === 0) throw notFound('habit', id);
    return { deleted: true as const, id };
  },
});
