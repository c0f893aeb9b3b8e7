import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { eventOut, toEvent } from './shape';
import { calendarEvents } from './table';

/** `calendar.get_event`: one event by id. */
export const calendarGetEvent = defineTool({
  name: 'calendar.get_event',
  module: 'calendar',
  description: 'Show one calendar event of the current space by its id.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('event') }),
  output: z.object({ event: eventOut }),
  handler: async ({ id }, ctx) => {
    const row = await oneInSpace(ctx, calendarEvents, id, 'event');
    return { event: toEvent(row) };
  },
});
