import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { noteOut, toNote } from './shape';
import { notes } from './table';

/** `notes.search`: finds notes whose title or body contains a text. */
export const notesSearch = defineTool({
  name: 'notes.search',
  module: 'notes',
  description:
    'Find notes whose title or body contains a text (case-insensitive). Title matches come first, then the most recently changed.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    query: searchField('the title and body of notes'),
    includeArchived: z.boolean().default(false).describe('Also search archived notes'),
    limit: limitField(50, 10),
  }),
  output: z.object({ notes: z.array(noteOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const titleMatch = textMatch(input.query, notes.title);
    const where: SQL[] = [textMatch(input.query, notes.title, notes.body)];
    if (!input.includeArchived) where.push(eq(notes.archived, false));
    const rows = await ctx.db
      .select()
      .from(notes)
      .where(inSpace(notes, ctx, ...where))
      .orderBy(sql`(${titleMatch}) desc`, desc(notes.updatedAt), asc(notes.id))
      .limit(input.limit);
    return { notes: rows.map(toNote), count: rows.length };
  },
});
