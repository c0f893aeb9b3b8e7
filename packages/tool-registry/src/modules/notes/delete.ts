import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { notes } from './table';

/** `notes.delete`: removes a note for good. */
export const notesDelete = defineTool({
  name: 'notes.delete',
  module: 'notes',
  description: 'Delete a note for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('note') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(notes)
      .where(and(eq(notes.id, id), eq(notes.spaceId, ctx.spaceId)))
      .returning({ id: notes.id });
    if (rows.length === 0) throw notFound('note', id);
    return { deleted: true as const, id };
  },
});
