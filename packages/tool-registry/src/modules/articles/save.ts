import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  articleOut,
  articleSourceField,
  articleSummaryField,
  articleTagsField,
  articleTitleField,
  toArticle,
} from './shape';
import { articles } from './table';

/** `articles.save`: puts a web address on the read-later list, once per space. */
export const articlesSave = defineTool({
  name: 'articles.save',
  module: 'articles',
  description:
    'Save an article (a web address) to read later in the current space. Saving an address that is already saved returns the existing article with alreadySaved true.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    url: z
      .url({ protocol: /^https?$/, normalize: true })
      .max(2000)
      .describe('The article’s web address, http or https'),
    title: articleTitleField()
      .optional()
      .describe('The article’s headline; the address if left out'),
    source: articleSourceField().optional(),
    summary: articleSummaryField().optional(),
    tags: articleTagsField().default([]),
  }),
  output: z.object({ article: articleOut, alreadySaved: z.boolean() }),
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
  handler: async (input, ctx) => {
    const [existing] = await ctx.db
      .select()
      .from(articles)
      .where(inSpace(articles, ctx, eq(articles.url, input.url)))
      .orderBy(asc(articles.createdAt))
      .limit(1);
    if (existing) return { article: toArticle(existing), alreadySaved: true };
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(articles)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        url: input.url,
        title: input.title ?? input.url,
        source: input.source ?? null,
        summary: input.summary ?? null,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { article: toArticle(row), alreadySaved: false };
  },
});
