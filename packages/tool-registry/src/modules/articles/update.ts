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
