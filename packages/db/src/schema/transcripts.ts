import type { TranscriptEntry } from '@mana/contracts';
import { index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { authSchema } from './auth';
import { personas, personaTicks } from './personas';

/**
 * The conversation of one persona-day, stored with its tick (one row per tick id):
 * entries already redacted and cut to the wire's caps. Old rows are purged after
 * `TRANSCRIPT_RETENTION_DAYS` by `created_at`.
 */
export const personaTranscripts = authSchema.table(
  'persona_transcripts',
  {
    tickId: text('tick_id')
      .primaryKey()
      .references(() => personaTicks.id, { onDelete: 'cascade' }),
    personaId: text('persona_id')
      .notNull()
      .references(() => personas.userId, { onDelete: 'cascade' }),
    entries: jsonb('entries').$type<TranscriptEntry[]>().notNull(),
    /** Entries that did not fit the day's caps and were not kept. */
    dropped: integer('dropped').default(0).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [index('persona_transcripts_created_idx').on(t.createdAt)],
);
