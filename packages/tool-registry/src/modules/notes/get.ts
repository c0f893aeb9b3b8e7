import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
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
    const row = await oneInSpace(ctx, notes, id, 'note');
    return { note: toNote(row) };
  },
});
