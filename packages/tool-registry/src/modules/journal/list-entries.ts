import { desc, gte, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { entryOut, toEntry } from './shape';
import { journalEntries } from './table';

/** `journal.list_entries`: read back the journal, newest first. */
export const journalListEntries = defineTool({
  name: 'journal.list_entries',
  module: 'journal',
  description:
    'List journal entries of the current space, newest day first. Filter by a range of days, a tag or text in the title and body.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    from: dateField('Only entries on or after this day').optional(),
    to: dateField('Only entries on or before this day').optional(),
    tag: z.string().trim().min(1).max(40).optional().describe('Only entries with this tag'),
    query: searchField('title and body').optional(),
    limit: limitField(),
  }),
  output: z.object({ entries: z.array(entryOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    if (input.from && input.to && input.from > input.to) {
      throw new ToolError('INVALID_INPUT', `from (${input.from}) is after to (${input.to})`);
    }
    const where: SQL[] = [];
    if (input.from) where.push(gte(journalEntries.entryDate, input.from));
    if (input.to) where.push(lte(journalEntries.entryDate, input.to));
    if (input.tag) where.push(sql`${input.tag} = any(${journalEntries.tags})`);
    if (input.query) {
      where.push(textMatch(input.query, journalEntries.title, journalEntries.body));
    }
    const rows = await ctx.db
      .select()
      .from(journalEntries)
      .where(inSpace(journalEntries, ctx, ...where))
      .orderBy(
        desc(journalEntries.entryDate),
        desc(journalEntries.createdAt),
        desc(journalEntries.id),
      )
      .limit(input.limit);
    return { entries: rows.map(toEntry), count: rows.length };
  },
});
