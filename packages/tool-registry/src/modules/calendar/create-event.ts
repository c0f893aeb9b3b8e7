import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateTimeField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { resolveEnd } from './event-range';
import {
  durationField,
  eventNotesField,
  eventOut,
  eventTitleField,
  locationField,
  toEvent,
} from './shape';
import { calendarEvents } from './table';

/** `calendar.create_event`: puts an event in the current space's calendar. */
export const calendarCreateEvent = defineTool({
  name: 'calendar.create_event',
  module: 'calendar',
  description:
    'Add an event to the calendar of the current space. Give an end time or a duration in minutes (60 if neither). Returns the event with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: eventTitleField(),
    startsAt: dateTimeField('When it starts'),
    endsAt: dateTimeField('When it ends; leave out to use durationMinutes').optional(),
    durationMinutes: durationField()
      .optional()
      .describe('How long it lasts in minutes (default 60); use instead of endsAt'),
    allDay: z.boolean().default(false).describe('Whether it takes the whole day'),
    location: locationField().optional(),
    notes: eventNotesField().optional(),
  }),
  output: z.object({ event: eventOut }),
  checks: {
    checks: [
      {
        read: 'calendar.get_event',
        input: { id: '$output.event.id' },
        find: { item: 'event' },
        expect: {
          title: '$input.title',
          startsAt: '$output.event.startsAt',
          endsAt: '$output.event.endsAt',
          allDay: '$output.event.allDay',
          location: '$output.event.location',
          notes: '$output.event.notes',
          status: 'confirmed',
        },
      },
      {
        read: 'calendar.list_events',
        input: { from: '$output.event.startsAt', query: '$output.event.title', limit: 200 },
        find: { list: 'events', where: { id: '$output.event.id' } },
        expect: { title: '$output.event.title', startsAt: '$output.event.startsAt' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const startsAt = new Date(input.startsAt);
    const endsAt = resolveEnd(
      startsAt,
      input.endsAt,
      input.durationMinutes,
      new Date(startsAt.getTime() + 60 * 60_000),
    );
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(calendarEvents)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        title: input.title,
        startsAt,
        endsAt,
        allDay: input.allDay,
        location: input.location ?? null,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { event: toEvent(row) };
  },
});
