import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField } from '../../fields';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { noteOut, toNote } from './shape';
import { notes } from './table';

/** `notes.list`: the notes of the current space, pinned first, then most recently changed. */
export const notesList = defineTool({
  name: 'notes.list',
  module: 'notes',
  description:
    'List notes of the current space: pinned ones first, then the most recently changed. Archived notes are left out unless asked for.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    tag: z.string().trim().min(1).max(40).optional().describe('Only notes with this tag'),
    includeArchived: z.boolean().default(false).describe('Also list archived notes'),
    limit: limitField(),
  }),
  output: z.object({ notes: z.array(noteOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (!input.includeArchived) where.push(eq(notes.archived, false));
    if (input.tag) where.push(sql`${input.tag} = any(${notes.tags})`);
    const rows = await ctx.db
      .select()
      .from(notes)
      .where(inSpace(notes, ctx, ...where))
      .orderBy(desc(notes.pinned), desc(notes.updatedAt), asc(notes.id))
      .limit(input.limit);
    return { notes: rows.map(toNote), count: rows.length };
  },
});
