import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { moodEntries } from './table';

/** `mood.delete`: remove a mood check-in. */
export const moodDelete = defineTool({
  name: 'mood.delete',
  module: 'mood',
  description: 'Delete a mood check-in for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('mood check-in') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(moodEntries)
      .where(and(eq(moodEntries.id, id), eq(moodEntries.spaceId, ctx.spaceId)))
      .returning({ id: moodEntries.id });
    if (rows.length === 0) throw notFound('mood check-in', id);
    return { deleted: true as const, id };
  },
});
