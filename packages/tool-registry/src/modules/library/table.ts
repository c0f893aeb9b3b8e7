import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, date, index, smallint, text } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Books, papers, courses: what you want to read, are reading, or finished. */
export const libraryItems = appSchema.table(
  'library_items',
  {
    ...spaceRowColumns(),
    title: text('title').notNull(),
    author: text('author'),
    kind: text('kind')
      .$type<'book' | 'paper' | 'course' | 'audiobook' | 'other'>()
      .default('book')
      .notNull(),
    status: text('status')
      .$type<'want' | 'reading' | 'finished' | 'dropped'>()
      .default('want')
      .notNull(),
    rating: smallint('rating'),
    notes: text('notes'),
    startedOn: date('started_on', { mode: 'string' }),
    finishedOn: date('finished_on', { mode: 'string' }),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
  },
  (t) => [
    check(
      'library_items_kind_check',
      sql`${t.kind} in ('book', 'paper', 'course', 'audiobook', 'other')`,
    ),
    check(
      'library_items_status_check',
      sql`${t.status} in ('want', 'reading', 'finished', 'dropped')`,
    ),
    check('library_items_rating_check', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    index('library_items_space_status_idx').on(t.spaceId, t.status),
  ],
);
