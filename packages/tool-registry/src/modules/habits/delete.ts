import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { habits } from './table';

/** `habits.delete`: remove a habit and all its logs. */
export const habitsDelete = defineTool({
  name: 'habits.delete',
  module: 'habits',
  description: 'Delete a habit and all its logs for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('habit') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, habits, id, 'habit'),
});
