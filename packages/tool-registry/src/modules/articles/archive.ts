import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { articleOut, toArticle } from './shape';
import { articles } from './table';

/** `articles.archive`: takes an article off the reading list without deleting it. */
export const articlesArchive = defineTool({
  name: 'articles.archive',
  module: 'articles',
  description:
    'Archive a saved article: it leaves the reading list but stays stored (list it with status archived).',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('article') }),
  output: z.object({ article: articleOut }),
  handler: async ({ id }, ctx) => {
    const [row] = await ctx.db
      .update(articles)
      .set({ status: 'archived', updatedAt: ctx.now() })
      .where(and(eq(articles.id, id), eq(articles.spaceId, ctx.spaceId)))
      .returning();
    if (!row) throw notFound('article', id);
    return { article: toArticle(row) };
  },
});
