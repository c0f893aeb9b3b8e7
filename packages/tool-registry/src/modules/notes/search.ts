import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { likePattern, limitField, searchField } from '../../fields';
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
    const pattern = likePattern(input.query);
    const titleMatch = ilike(notes.title, pattern);
    const where: SQL[] = [
      eq(notes.spaceId, ctx.spaceId),
      or(titleMatch, ilike(notes.body, pattern)) as SQL,
    ];
    if (!input.includeArchived) where.push(eq(notes.archived, false));
    const rows = await ctx.db
      .select()
      .from(notes)
      .where(and(...where))
      .orderBy(sql`(${titleMatch}) desc`, desc(notes.updatedAt), asc(notes.id))
      .limit(input.limit);
    return { notes: rows.map(toNote), count: rows.length };
  },
});
