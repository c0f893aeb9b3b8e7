import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineTool } from '../../tool-spec';
import { noteBodyField, noteOut, noteTagsField, noteTitleField, toNote } from './shape';
import { notes } from './table';

/** `notes.create`: writes a new note into the current space. */
export const notesCreate = defineTool({
  name: 'notes.create',
  module: 'notes',
  description: 'Write a new note in the current space. Returns the note with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: noteTitleField(),
    body: noteBodyField().default(''),
    tags: noteTagsField().default([]),
    pinned: z.boolean().default(false).describe('Pin the note so it is listed first'),
  }),
  output: z.object({ note: noteOut }),
  checks: {
    checks: [
      {
        read: 'notes.get',
        input: { id: '$output.note.id' },
        find: { item: 'note' },
        expect: {
          title: '$input.title',
          body: '$output.note.body',
          tags: '$output.note.tags',
          pinned: '$output.note.pinned',
          archived: false,
        },
      },
      {
        read: 'notes.search',
        input: { query: '$output.note.title', limit: 50 },
        find: { list: 'notes', where: { id: '$output.note.id' } },
        expect: { title: '$output.note.title', body: '$output.note.body' },
      },
      {
        read: 'notes.list',
        input: { limit: 100 },
        find: { list: 'notes', where: { id: '$output.note.id' } },
        expect: { title: '$output.note.title' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(notes)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        title: input.title,
        body: input.body,
        tags: input.tags,
        pinned: input.pinned,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { note: toNote(row) };
  },
});
