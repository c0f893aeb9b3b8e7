import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { notes } from './table';

/** `notes.delete`: removes a note for good. */
export const notesDelete = defineTool({
  name: 'notes.delete',
  module: 'notes',
  description: 'Delete a note for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('note') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, notes, id, 'note'),
});
