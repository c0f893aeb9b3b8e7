import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { date, index, text } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Journal entries: what happened and how it felt, one or more per day. */
export const journalEntries = appSchema.table(
  'journal_entries',
  {
    ...spaceRowColumns(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    title: text('title'),
    body: text('body').notNull(),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
  },
  (t) => [index('journal_entries_space_date_idx').on(t.spaceId, t.entryDate)],
);
