import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { journalEntries } from './table';

/** `journal.delete_entry`: remove a journal entry. */
export const journalDeleteEntry = defineTool({
  name: 'journal.delete_entry',
  module: 'journal',
  description: 'Delete a journal entry for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('journal entry') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, journalEntries, id, 'journal entry'),
});
