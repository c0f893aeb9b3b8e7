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
