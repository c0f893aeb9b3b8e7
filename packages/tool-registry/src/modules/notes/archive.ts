import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { noteOut, toNote } from './shape';
import { notes } from './table';

/** `notes.archive`: hides a note from the default list without deleting it (or restores it). */
export const notesArchive = defineTool({
  name: 'notes.archive',
  module: 'notes',
  description:
    'Archive a note: it stays stored but leaves the default list and search. archived false restores it.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('note'),
    archived: z.boolean().default(true).describe('true to archive, false to restore'),
  }),
  output: z.object({ note: noteOut }),
  handler: async ({ id, archived }, ctx) => {
    const [row] = await ctx.db
      .update(notes)
      .set({ archived, updatedAt: ctx.now() })
      .where(and(eq(notes.id, id), eq(notes.spaceId, ctx.spaceId)))
      .returning();
    if (!row) throw notFound('note', id);
    return { note: toNote(row) };
  },
});
