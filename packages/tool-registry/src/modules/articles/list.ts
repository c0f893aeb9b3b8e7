import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { ARTICLE_STATUSES, articleOut, toArticle } from './shape';
import { articles } from './table';

/** `articles.list`: the read-later list, newest first. */
export const articlesList = defineTool({
  name: 'articles.list',
  module: 'articles',
  description:
    'List saved articles of the current space, newest first. By default only unread and in-progress ones; filter by status, tag or text.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum([...ARTICLE_STATUSES, 'all'])
      .optional()
      .describe('Only articles with this status; leave out for unread and reading ones'),
    tag: z.string().trim().min(1).max(40).optional().describe('Only articles with this tag'),
    query: searchField('title, summary, source and address').optional(),
    limit: limitField(),
  }),
  output: z.object({ articles: z.array(articleOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.status === undefined) where.push(inArray(articles.status, ['unread', 'reading']));
    else if (input.status !== 'all') where.push(eq(articles.status, input.status));
    if (input.tag) where.push(sql`${input.tag} = any(${articles.tags})`);
    if (input.query) {
      where.push(
        textMatch(input.query, articles.title, articles.summary, articles.source, articles.url),
      );
    }
    const rows = await ctx.db
      .select()
      .from(articles)
      .where(inSpace(articles, ctx, ...where))
      .orderBy(desc(articles.createdAt), asc(articles.id))
      .limit(input.limit);
    return { articles: rows.map(toArticle), count: rows.length };
  },
});
