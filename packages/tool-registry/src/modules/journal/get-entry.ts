import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { entryOut, toEntry } from './shape';
import { journalEntries } from './table';

/** `journal.get_entry`: read one journal entry. */
export const journalGetEntry = defineTool({
  name: 'journal.get_entry',
  module: 'journal',
  description: 'Read one journal entry by its id.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('journal entry') }),
  output: z.object({ entry: entryOut }),
  handler: async ({ id }, ctx) => {
    const row = await oneInSpace(ctx, journalEntries, id, 'journal entry');
    return { entry: toEntry(row) };
  },
});
