import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { dreams } from './table';

/** `dreams.delete`: remove a dream from the diary. */
export const dreamsDelete = defineTool({
  name: 'dreams.delete',
  module: 'dreams',
  description: 'Delete a dream from the dream diary for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('dream') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(dreams)
      .where(and(eq(dreams.id, id), eq(dreams.spaceId, ctx.spaceId)))
      .returning({ id: dreams.id });
    if (rows.length === 0) throw notFound('dream', id);
    return { deleted: true as const, id };
  },
});
