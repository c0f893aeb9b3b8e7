import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { noteOut, toNote } from './shape';
import { notes } from './table';

/** `notes.get`: one note by id, with its full body. */
export const notesGet = defineTool({
  name: 'notes.get',
  module: 'notes',
  description: 'Read one note of the current space by its id, with its full text.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('note') }),
  output: z.object({ note: noteOut }),
  handler: async ({ id }, ctx) => {
    const [row] = await ctx.db
      .select()
      .from(notes)
      .where(and(eq(notes.id, id), eq(notes.spaceId, ctx.spaceId)));
    if (!row) throw notFound('note', id);
    return { note: toNote(row) };
  },
});
