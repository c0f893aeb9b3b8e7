import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateField, tagsField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { bodyField, entryOut, entryTitleField, toEntry } from './shape';
import { journalEntries } from './table';

/** `journal.create_entry`: write a journal entry. */
export const journalCreateEntry = defineTool({
  name: 'journal.create_entry',
  module: 'journal',
  description:
    'Write a journal entry in the current space, about today unless another day is given. Returns the entry with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    body: bodyField(),
    title: entryTitleField().optional(),
    entryDate: dateField('The day the entry is about; today if left out').optional(),
    tags: tagsField().default([]),
  }),
  output: z.object({ entry: entryOut }),
  checks: {
    checks: [
      {
        read: 'journal.get_entry',
        input: { id: '$output.entry.id' },
        find: { item: 'entry' },
        expect: {
          body: '$input.body',
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
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(journalEntries)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        entryDate: input.entryDate ?? now.toISOString().slice(0, 10),
        title: input.title ?? null,
        body: input.body,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { entry: toEntry(row) };
  },
});
