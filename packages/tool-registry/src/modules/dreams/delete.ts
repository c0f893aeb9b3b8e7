import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { dreams } from './table';

/** `dreams.delete`: remove a dream from the diary. */
export const dreamsDelete = defineTool({
  name: 'dreams.delete',
  module: 'dreams',
  description: 'Delete a dream from the dream diary for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('dream') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, dreams, id, 'dream'),
});
