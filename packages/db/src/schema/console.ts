import type { IncidentStatus } from '@mana/contracts';
import { sql } from 'drizzle-orm';
import { bigserial, check, index, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { authSchema } from './auth';

/**
 * Every status change of an incident (open, acknowledged, resolved), by whom and when.
 * An incident's current status is its latest row; an incident without rows is open.
 * Incidents themselves are derived from the alerts on each read, so only their id is kept.
 */
export const incidentStatusEvents = authSchema.table(
  'incident_status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: text('incident_id').notNull(),
    status: text('status').$type<IncidentStatus>().notNull(),
    /** The admin's email, or `service-key` for CI. */
    actor: text('actor').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'incident_status_events_status_check',
      sql`${t.status} in ('open', 'acknowledged', 'resolved')`,
    ),
    index('incident_status_events_incident_idx').on(t.incidentId, t.createdAt),
  ],
);

/** A release the app shipped: its name and when, to compare before and after. */
export const releaseMarkers = authSchema.table(
  'release_markers',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    uniqueIndex('release_markers_name_idx').on(t.name),
    index('release_markers_at_idx').on(t.at),
  ],
);
