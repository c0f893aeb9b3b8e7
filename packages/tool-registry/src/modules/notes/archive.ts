import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
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
  checks: {
    checks: [
      {
        read: 'notes.get',
        input: { id: '$output.note.id' },
        find: { item: 'note' },
        expect: { archived: '$output.note.archived' },
      },
      {
        read: 'notes.list',
        input: { includeArchived: true, limit: 100 },
        find: { list: 'notes', where: { id: '$output.note.id' } },
        expect: { archived: '$output.note.archived' },
      },
    ],
  },
  handler: async ({ id, archived }, ctx) => {
    const row = await updateInSpace(ctx, notes, id, 'note', { archived, updatedAt: ctx.now() });
    return { note: toNote(row) };
  },
});
