import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(journalEntries)
      .where(and(eq(journalEntries.id, id), eq(journalEntries.spaceId, ctx.spaceId)))
      .returning({ id: journalEntries.id });
    if (rows.length === 0) throw notFound('journal entry', id);
    return { deleted: true as const, id };
  },
});
