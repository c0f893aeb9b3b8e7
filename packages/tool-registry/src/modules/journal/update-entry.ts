import { z } from 'zod';
import { dateField, idField, tagsField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { bodyField, entryOut, entryTitleField, toEntry } from './shape';
import { journalEntries } from './table';

/** `journal.update_entry`: rewrite a journal entry. */
export const journalUpdateEntry = defineTool({
  name: 'journal.update_entry',
  module: 'journal',
  description:
    'Change a journal entry’s text, title, day or tags. Only the given fields change; title null removes it; tags replace the old ones.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('journal entry'),
    body: bodyField().optional(),
    title: entryTitleField()
      .nullable()
      .optional()
      .describe('A short headline for the entry; null removes it'),
    entryDate: dateField('The day the entry is about').optional(),
    tags: tagsField().optional(),
  }),
  output: z.object({ entry: entryOut }),
  checks: {
    checks: [
      {
        read: 'journal.get_entry',
        input: { id: '$output.entry.id' },
        find: { item: 'entry' },
        expect: {
          body: '$output.entry.body',
          title: '$output.entry.title',
          entryDate: '$output.entry.entryDate',
          tags: '$output.entry.tags',
        },
      },
      {
        read: 'journal.list_entries',
        input: { from: '$output.entry.entryDate', to: '$output.entry.entryDate', limit: 100 },
        find: { list: 'entries', where: { id: '$output.entry.id' } },
        expect: { body: '$output.entry.body', title: '$output.entry.title' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    const row = await updateInSpace(ctx, journalEntries, id, 'journal entry', {
      ...changes,
      updatedAt: ctx.now(),
    });
    return { entry: toEntry(row) };
  },
});
