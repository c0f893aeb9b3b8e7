import { z } from 'zod';
import { dateTimeField, idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
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

/** `calendar.update_event`: changes an event; moving its start keeps its length. */
export const calendarUpdateEvent = defineTool({
  name: 'calendar.update_event',
  module: 'calendar',
  description:
    'Change a calendar event. Only the given fields change; a new start without a new end or duration keeps the event’s length. location or notes null clears them.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('event'),
    title: eventTitleField().optional(),
    startsAt: dateTimeField('New start').optional(),
    endsAt: dateTimeField('New end').optional(),
    durationMinutes: durationField().optional(),
    allDay: z.boolean().optional().describe('Whether it takes the whole day'),
    location: locationField().nullable().optional().describe('New place; null clears it'),
    notes: eventNotesField().nullable().optional().describe('New details; null clears them'),
  }),
  output: z.object({ event: eventOut }),
  checks: {
    checks: [
      {
        read: 'calendar.get_event',
        input: { id: '$output.event.id' },
        find: { item: 'event' },
        expect: {
          title: '$output.event.title',
          startsAt: '$output.event.startsAt',
          endsAt: '$output.event.endsAt',
          allDay: '$output.event.allDay',
          location: '$output.event.location',
          notes: '$output.event.notes',
          status: '$output.event.status',
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
  handler: async ({ id, startsAt, endsAt, durationMinutes, ...changes }, ctx) => {
    const existing = await oneInSpace(ctx, calendarEvents, id, 'event');
    const start = startsAt ? new Date(startsAt) : existing.startsAt;
    const length = existing.endsAt.getTime() - existing.startsAt.getTime();
    const end = resolveEnd(start, endsAt, durationMinutes, new Date(start.getTime() + length));
    const row = await updateInSpace(ctx, calendarEvents, id, 'event', {
      ...changes,
      startsAt: start,
      endsAt: end,
      updatedAt: ctx.now(),
    });
    return { event: toEvent(row) };
  },
});
