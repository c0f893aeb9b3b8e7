import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
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
  handler: ({ id }, ctx) => deleteInSpace(ctx, calendarEvents, id, 'event'),
});
