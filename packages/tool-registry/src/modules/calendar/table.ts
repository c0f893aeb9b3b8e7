import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { boolean, check, index, text, timestamp } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Calendar events with a start, an end, and a status (cancelled events stay listed). */
export const calendarEvents = appSchema.table(
  'calendar_events',
  {
    ...spaceRowColumns(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    allDay: boolean('all_day').default(false).notNull(),
    location: text('location'),
    notes: text('notes'),
    status: text('status').$type<'confirmed' | 'cancelled'>().default('confirmed').notNull(),
  },
  (t) => [
    check('calendar_events_range_check', sql`${t.endsAt} >= ${t.startsAt}`),
    check('calendar_events_status_check', sql`${t.status} in ('confirmed', 'cancelled')`),
    index('calendar_events_space_starts_idx').on(t.spaceId, t.startsAt),
  ],
);
