import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
    const [row] = await ctx.db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.id, id), eq(journalEntries.spaceId, ctx.spaceId)));
    if (!row) throw notFound('journal entry', id);
    return { entry: toEntry(row) };
  },
});
