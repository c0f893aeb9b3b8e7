import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { noteOut, toNote } from './shape';
import { notes } from './table';

/** `notes.pin`: pins a note to the top of the list, or unpins it. */
export const notesPin = defineTool({
  name: 'notes.pin',
  module: 'notes',
  description: 'Pin a note so it is listed first, or unpin it with pinned false.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('note'),
    pinned: z.boolean().default(true).describe('true to pin, false to unpin'),
  }),
  output: z.object({ note: noteOut }),
  checks: {
    checks: [
      {
        read: 'notes.get',
        input: { id: '$output.note.id' },
        find: { item: 'note' },
        expect: { pinned: '$output.note.pinned' },
      },
      {
        read: 'notes.list',
        input: { includeArchived: true, limit: 100 },
        find: { list: 'notes', where: { id: '$output.note.id' } },
        expect: { pinned: '$output.note.pinned' },
      },
    ],
  },
  handler: async ({ id, pinned }, ctx) => {
    const row = await updateInSpace(ctx, notes, id, 'note', { pinned, updatedAt: ctx.now() });
    return { note: toNote(row) };
  },
});
