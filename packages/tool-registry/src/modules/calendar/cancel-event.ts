import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { eventOut, toEvent } from './shape';
import { calendarEvents } from './table';

/** `calendar.cancel_event`: marks an event cancelled but keeps it. */
export const calendarCancelEvent = defineTool({
  name: 'calendar.cancel_event',
  module: 'calendar',
  description:
    'Cancel a calendar event: it stays stored but leaves the default listing. Cancelling a cancelled event changes nothing and says so.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('event') }),
  output: z.object({ event: eventOut, alreadyCancelled: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'calendar.get_event',
        input: { id: '$output.event.id' },
        find: { item: 'event' },
        expect: { status: 'cancelled' },
      },
      {
        read: 'calendar.list_events',
        input: { from: '$output.event.startsAt', query: '$output.event.title', limit: 200 },
        find: { list: 'events', where: { id: '$output.event.id' } },
        absent: true,
      },
      {
        read: 'calendar.list_events',
        input: {
          from: '$output.event.startsAt',
          query: '$output.event.title',
          includeCancelled: true,
          limit: 200,
        },
        find: { list: 'events', where: { id: '$output.event.id' } },
        expect: { status: 'cancelled' },
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const existing = await oneInSpace(ctx, calendarEvents, id, 'event');
    if (existing.status === 'cancelled')
      return { event: toEvent(existing), alreadyCancelled: true };
    const row = await updateInSpace(ctx, calendarEvents, id, 'event', {
      status: 'cancelled',
      updatedAt: ctx.now(),
    });
    return { event: toEvent(row), alreadyCancelled: false };
  },
});
