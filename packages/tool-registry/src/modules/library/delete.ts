import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { libraryItems } from './table';

/** `library.delete`: removes a library item for good. */
export const libraryDelete = defineTool({
  name: 'library.delete',
  module: 'library',
  description: 'Delete a library item for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('library item') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, libraryItems, id, 'library item'),
});
