import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { articles } from './table';

/** `articles.delete`: removes a saved article for good. */
export const articlesDelete = defineTool({
  name: 'articles.delete',
  module: 'articles',
  description: 'Delete a saved article for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('article') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(articles)
      .where(and(eq(articles.id, id), eq(articles.spaceId, ctx.spaceId)))
      .returning({ id: articles.id });
    if (rows.length === 0) throw notFound('article', id);
    return { deleted: true as const, id };
  },
});
