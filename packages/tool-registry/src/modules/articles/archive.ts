import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
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
  checks: {
    checks: [
      {
        read: 'articles.list',
        input: { status: 'archived', tag: '$output.article.tags.0', limit: 100 },
        find: { list: 'articles', where: { id: '$output.article.id' } },
        expect: { status: 'archived' },
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
    const row = await updateInSpace(ctx, articles, id, 'article', {
      status: 'archived',
      updatedAt: ctx.now(),
    });
    return { article: toArticle(row) };
  },
});
