import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
  handler: async ({ id }, ctx) => {
    const where = and(eq(calendarEvents.id, id), eq(calendarEvents.spaceId, ctx.spaceId));
    const [existing] = await ctx.db.select().from(calendarEvents).where(where);
    if (!existing) throw notFound('event', id);
    if (existing.status === 'cancelled')
      return { event: toEvent(existing), alreadyCancelled: true };
    const [row] = await ctx.db
      .update(calendarEvents)
      .set({ status: 'cancelled', updatedAt: ctx.now() })
      .where(where)
      .returning();
    if (!row) throw notFound('event', id);
    return { event: toEvent(row), alreadyCancelled: false };
  },
});
