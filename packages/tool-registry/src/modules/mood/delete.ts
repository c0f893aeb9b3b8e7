import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { moodEntries } from './table';

/** `mood.delete`: remove a mood check-in. */
export const moodDelete = defineTool({
  name: 'mood.delete',
  module: 'mood',
  description: 'Delete a mood check-in for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('mood check-in') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, moodEntries, id, 'mood check-in'),
});
