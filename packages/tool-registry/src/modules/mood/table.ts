import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, index, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Mood check-ins: a score from 1 (awful) to 5 (great), with feelings and a note. */
export const moodEntries = appSchema.table(
  'mood_entries',
  {
    ...spaceRowColumns(),
    score: smallint('score').notNull(),
    emotions: text('emotions').array().default(sql`'{}'::text[]`).notNull(),
    note: text('note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('mood_entries_score_check', sql`${t.score} between 1 and 5`),
    index('mood_entries_space_recorded_idx').on(t.spaceId, t.recordedAt),
  ],
);
