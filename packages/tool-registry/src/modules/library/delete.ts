import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { libraryItems } from './table';

/** `library.delete`: removes a library item for good. */
export const libraryDelete = defineTool({
  name: 'library.delete',
  module: 'library',
  description: 'Delete a library item for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('library item') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(libraryItems)
      .where(and(eq(libraryItems.id, id), eq(libraryItems.spaceId, ctx.spaceId)))
      .returning({ id: libraryItems.id });
    if (rows.length === 0) throw notFound('library item', id);
    return { deleted: true as const, id };
  },
});
