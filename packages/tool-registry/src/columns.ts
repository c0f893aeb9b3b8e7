import { organizations, users } from '@mana/db';
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Columns every module table starts with: its id, the space the row belongs to (rows
 * go when their space goes), who created it, and when it was created and changed.
 * Handlers stamp the times from `ctx.now()` so simulated days have simulated dates.
 */
export function spaceRowColumns() {
  return {
    id: uuid('id').primaryKey(),
    spaceId: text('space_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow().notNull(),
  };
}
