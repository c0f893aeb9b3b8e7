import { z } from 'zod';
import { iso, isoOut, tagsField, textField, titleField } from '../../fields';
import type { articles } from './table';

export const ARTICLE_STATUSES = ['unread', 'reading', 'read', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A saved article as tools return it. */
export const articleOut = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  status: z.enum(ARTICLE_STATUSES),
  readAt: isoOut.nullable().describe('When it was marked read, or null'),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const articleTitleField = () => titleField('The article’s headline', 300);
export const articleSourceField = () =>
  z.string().trim().min(1).max(200).describe('Where it was published, e.g. "The Guardian"');
export const articleSummaryField = () => textField('A few sentences on what it says', 5000);
export const articleTagsField = () => tagsField();

/** Maps a row to {@link articleOut}. */
export function toArticle(row: typeof articles.$inferSelect): z.input<typeof articleOut> {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    source: row.source,
    summary: row.summary,
    tags: row.tags,
    status: row.status,
    readAt: iso(row.readAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
