import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, index, text, timestamp } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Saved articles: a read-later list with a reading status. */
export const articles = appSchema.table(
  'articles',
  {
    ...spaceRowColumns(),
    url: text('url').notNull(),
    title: text('title').notNull(),
    source: text('source'),
    summary: text('summary'),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
    status: text('status')
      .$type<'unread' | 'reading' | 'read' | 'archived'>()
      .default('unread')
      .notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    check('articles_status_check', sql`${t.status} in ('unread', 'reading', 'read', 'archived')`),
    index('articles_space_status_idx').on(t.spaceId, t.status, t.createdAt),
  ],
);
