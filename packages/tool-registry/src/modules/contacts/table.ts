import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** People: how to reach them, where they work, and when you last spoke. */
export const contacts = appSchema.table(
  'contacts',
  {
    ...spaceRowColumns(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    company: text('company'),
    role: text('role'),
    notes: text('notes'),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
    lastContactedAt: timestamp('last_contacted_at', { withTimezone: true }),
  },
  (t) => [index('contacts_space_name_idx').on(t.spaceId, t.name)],
);

/** What happened when you were in touch with a contact. */
export const contactInteractions = appSchema.table(
  'contact_interactions',
  {
    ...spaceRowColumns(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<'call' | 'email' | 'meeting' | 'message' | 'other'>().notNull(),
    summary: text('summary').notNull(),
    happenedAt: timestamp('happened_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contact_interactions_contact_idx').on(t.spaceId, t.contactId, t.happenedAt)],
);
