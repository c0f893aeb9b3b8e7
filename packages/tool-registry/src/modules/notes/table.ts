import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { boolean, index, text } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Notes: titled text, taggable, pinnable, archivable. */
export const notes = appSchema.table(
  'notes',
  {
    ...spaceRowColumns(),
    title: text('title').notNull(),
    body: text('body').default('').notNull(),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
    pinned: boolean('pinned').default(false).notNull(),
    archived: boolean('archived').default(false).notNull(),
  },
  (t) => [index('notes_space_updated_idx').on(t.spaceId, t.archived, t.updatedAt)],
);
