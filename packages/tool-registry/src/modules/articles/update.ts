import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  ARTICLE_STATUSES,
  articleOut,
  articleSourceField,
  articleSummaryField,
  articleTagsField,
  articleTitleField,
  toArticle,
} from './shape';
import { articles } from './table';

/** `articles.update`: changes an article's details or reading status. */
export const articlesUpdate = defineTool({
  name: 'articles.update',
  module: 'articles',
  description:
    'Change a saved article’s title, source, summary, tags or status; only the given fields change. Setting status read stamps the read time; unread or reading clears it.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('article'),
    title: articleTitleField().optional(),
    source: articleSourceField()
      .nullable()
      .optional()
      .describe('Where it was published; null clears it'),
    summary: articleSummaryField()
      .nullable()
      .optional()
      .describe('A few sentences on what it says; null clears it'),
    tags: articleTagsField().optional().describe('The new labels, replacing the old ones'),
    status: z.enum(ARTICLE_STATUSES).optional().describe('Where you are with reading it'),
  }),
  output: z.object({ article: articleOut }),
  checks: {
    checks: [
      {
        read: 'articles.list',
        input: { status: '$output.article.status', tag: '$output.article.tags.0', limit: 100 },
        find: { list: 'articles', where: { id: '$output.article.id' } },
        expect: {
          url: '$output.article.url',
          title: '$output.article.title',
          source: '$output.article.source',
          summary: '$output.article.summary',
          tags: '$output.article.tags',
          status: '$output.article.status',
          readAt: '$output.article.readAt',
        },
      },
      {
        read: 'articles.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'articles', where: { id: '$output.article.id' } },
        expect: { title: '$output.article.title', status: '$output.article.status' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new ToolError(
        'INVALID_INPUT',
        'Give at least one of title, source, summary, tags or status',
      );
    }
    const now = ctx.now();
    let readAt: SQL | null | undefined;
    if (changes.status === 'read')
      readAt = sql`coalesce(${articles.readAt}, ${now.toISOString()}::timestamptz)`;
    else if (changes.status === 'unread' || changes.status === 'reading') readAt = null;
    const row = await updateInSpace(ctx, articles, id, 'article', {
      ...changes,
      readAt,
      updatedAt: now,
    });
    return { article: toArticle(row) };
  },
});
