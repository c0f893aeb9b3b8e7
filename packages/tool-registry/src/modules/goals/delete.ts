import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { goals } from './table';

/** `goals.delete`: removes a goal and its check-ins for good. */
export const goalsDelete = defineTool({
  name: 'goals.delete',
  module: 'goals',
  description: 'Delete a goal and its progress check-ins for good (abandoning keeps them).',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('goal') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, goals, id, 'goal'),
});
