import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
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
  checks: {
    checks: [
      {
        read: 'articles.list',
        input: { status: 'read', tag: '$output.article.tags.0', limit: 100 },
        find: { list: 'articles', where: { id: '$output.article.id' } },
        expect: { status: 'read', readAt: '$output.article.readAt' },
      },
      {
        read: 'articles.list',
        input: { limit: 100 },
        find: { list: 'articles', where: { id: '$output.article.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const existing = await oneInSpace(ctx, articles, id, 'article');
    if (existing.status === 'read') return { article: toArticle(existing), alreadyRead: true };
    const now = ctx.now();
    const row = await updateInSpace(ctx, articles, id, 'article', {
      status: 'read',
      readAt: now,
      updatedAt: now,
    });
    return { article: toArticle(row), alreadyRead: false };
  },
});
