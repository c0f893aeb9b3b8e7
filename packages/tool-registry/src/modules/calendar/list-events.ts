import { asc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateTimeField, isoOut, limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { eventOut, toEvent } from './shape';
import { calendarEvents } from './table';

const DAY = 24 * 60 * 60_000;

/** `calendar.list_events`: the events that overlap a time window, in start order. */
export const calendarListEvents = defineTool({
  name: 'calendar.list_events',
  module: 'calendar',
  description:
    'List calendar events of the current space that overlap a time window, earliest first. Without from/to it shows today (UTC) and the next 7 days. Cancelled events are left out unless includeCancelled.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    from: dateTimeField('Start of the window (default: start of today, UTC)').optional(),
    to: dateTimeField('End of the window (default: 7 days after from)').optional(),
    includeCancelled: z.boolean().default(false).describe('Also list cancelled events'),
    query: searchField('title, location and notes').optional(),
    limit: limitField(200, 50),
  }),
  output: z.object({
    events: z.array(eventOut),
    count: z.number().int(),
    from: isoOut,
    to: isoOut,
  }),
  handler: async (input, ctx) => {
    const from = input.from
      ? new Date(input.from)
      : new Date(`${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
    const to = input.to ? new Date(input.to) : new Date(from.getTime() + 7 * DAY);
    if (to <= from) {
      throw new ToolError('INVALID_INPUT', 'The window must end (to) after it starts (from)');
    }
    const where: SQL[] = [
      lt(calendarEvents.startsAt, to),
      // Overlaps the window; an event of zero length counts if it starts inside it.
      or(gt(calendarEvents.endsAt, from), gte(calendarEvents.startsAt, from)) as SQL,
    ];
    if (!input.includeCancelled) where.push(eq(calendarEvents.status, 'confirmed'));
    if (input.query) {
      where.push(
        textMatch(input.query, calendarEvents.title, calendarEvents.location, calendarEvents.notes),
      );
    }
    const rows = await ctx.db
      .select()
      .from(calendarEvents)
      .where(inSpace(calendarEvents, ctx, ...where))
      .orderBy(asc(calendarEvents.startsAt), asc(calendarEvents.endsAt), asc(calendarEvents.id))
      .limit(input.limit);
    return {
      events: rows.map(toEvent),
      count: rows.length,
      from: from.toISOString(),
      to: to.toISOString(),
    };
  },
});
