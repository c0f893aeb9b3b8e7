import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { calendarEvents } from './table';

/** `calendar.delete_event`: removes an event for good. */
export const calendarDeleteEvent = defineTool({
  name: 'calendar.delete_event',
  module: 'calendar',
  description: 'Delete a calendar event for good (cancelling keeps it instead).',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('event') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(calendarEvents)
      .where(and(eq(calendarEvents.id, id), eq(calendarEvents.spaceId, ctx.spaceId)))
      .returning({ id: calendarEvents.id });
    if (rows.length === 0) throw notFound('event', id);
    return { deleted: true as const, id };
  },
});
