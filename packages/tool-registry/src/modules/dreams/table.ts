import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, smallint, text } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** A dream diary: what you dreamt, how vivid, whether it was lucid. */
export const dreams = appSchema.table(
  'dreams',
  {
    ...spaceRowColumns(),
    dreamtOn: date('dreamt_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    lucid: boolean('lucid').default(false).notNull(),
    vividness: smallint('vividness'),
    emotions: text('emotions').array().default(sql`'{}'::text[]`).notNull(),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
  },
  (t) => [
    check('dreams_vividness_check', sql`${t.vividness} is null or ${t.vividness} between 1 and 5`),
    index('dreams_space_day_idx').on(t.spaceId, t.dreamtOn),
  ],
);
