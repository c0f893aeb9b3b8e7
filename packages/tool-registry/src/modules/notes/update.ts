import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { noteBodyField, noteOut, noteTagsField, noteTitleField, toNote } from './shape';
import { notes } from './table';

const PARAGRAPH = '\n\n';

/** `notes.update`: changes a note's title, body or tags, or appends a paragraph to it. */
export const notesUpdate = defineTool({
  name: 'notes.update',
  module: 'notes',
  description:
    'Change a note’s title, body or tags; only the given fields change. Use appendText to add a paragraph at the end of the body instead of replacing it.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('note'),
    title: noteTitleField().optional(),
    body: noteBodyField().optional().describe('The new text, replacing the whole body'),
    appendText: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .optional()
      .describe('A paragraph to add at the end of the body (cannot be combined with body)'),
    tags: noteTagsField().optional().describe('The new labels, replacing the old ones'),
  }),
  output: z.object({ note: noteOut }),
  checks: {
    checks: [
      {
        read: 'notes.get',
        input: { id: '$output.note.id' },
        find: { item: 'note' },
        expect: {
          title: '$output.note.title',
          body: '$output.note.body',
          tags: '$output.note.tags',
        },
      },
      {
        read: 'notes.search',
        input: { query: '$output.note.title', includeArchived: true, limit: 50 },
        find: { list: 'notes', where: { id: '$output.note.id' } },
        expect: { title: '$output.note.title', body: '$output.note.body' },
      },
    ],
  },
  handler: async ({ id, appendText, ...changes }, ctx) => {
    if (appendText !== undefined && changes.body !== undefined) {
      throw new ToolError('INVALID_INPUT', 'Give either body (to replace) or appendText, not both');
    }
    if (appendText === undefined && Object.values(changes).every((v) => v === undefined)) {
      throw new ToolError('INVALID_INPUT', 'Give at least one of title, body, appendText or tags');
    }
    const body =
      appendText === undefined
        ? changes.body
        : sql`case when ${notes.body} = '' then ${appendText}::text else ${notes.body} || ${PARAGRAPH}::text || ${appendText}::text end`;
    const row = await updateInSpace(ctx, notes, id, 'note', {
      ...changes,
      body,
      updatedAt: ctx.now(),
    });
    return { note: toNote(row) };
  },
});
