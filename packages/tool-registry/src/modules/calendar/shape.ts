import { z } from 'zod';
import { iso, isoOut, textField, titleField } from '../../fields';
import type { calendarEvents } from './table';

/** A calendar event as tools return it. */
export const eventOut = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: isoOut,
  endsAt: isoOut,
  allDay: z.boolean(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(['confirmed', 'cancelled']),
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const eventTitleField = () => titleField('What the event is, e.g. "Dentist"');
export const locationField = () =>
  z.string().trim().max(300).describe('Where it happens, e.g. an address or a video link');
export const eventNotesField = () => textField('Details, agenda or things to bring', 5000);
export const durationField = () =>
  z
    .number()
    .int()
    .min(0)
    .max(60 * 24 * 31)
    .describe('How long it lasts in minutes; use instead of endsAt');

/** Maps a row to {@link eventOut}. */
export function toEvent(row: typeof calendarEvents.$inferSelect): z.input<typeof eventOut> {
  return {
    id: row.id,
    title: row.title,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    allDay: row.allDay,
    location: row.location,
    notes: row.notes,
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
