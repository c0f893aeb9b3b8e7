import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { articleOut, toArticle } from './shape';
import { articles } from './table';

/** `articles.mark_read`: records that an article was read, and when. */
export const articlesMarkRead = defineTool({
  name: 'articles.mark_read',
  module: 'articles',
  description:
    'Mark a saved article as read now. Marking an article that is already read keeps the first read time.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('article') }),
  output: z.object({ article: articleOut, alreadyRead: z.boolean() }),
  handler: async ({ id }, ctx) => {
    const where = and(eq(articles.id, id), eq(articles.spaceId, ctx.spaceId));
    const [existing] = await ctx.db.select().from(articles).where(where);
    if (!existing) throw notFound('article', id);
    if (existing.status === 'read') return { article: toArticle(existing), alreadyRead: true };
    const now = ctx.now();
    const [row] = await ctx.db
      .update(articles)
      .set({ status: 'read', readAt: now, updatedAt: now })
      .where(where)
      .returning();
    if (!row) throw notFound('article', id);
    return { article: toArticle(row), alreadyRead: false };
  },
});
