import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tagsField } from '../../fields';
import { defineTool } from '../../tool-spec';
import {
  authorField,
  itemNotesField,
  itemTitleField,
  kindField,
  libraryItemOut,
  statusField,
  today,
  toLibraryItem,
} from './shape';
import { libraryItems } from './table';

/** `library.add`: puts a book, paper or course on the shelf. */
export const libraryAdd = defineTool({
  name: 'library.add',
  module: 'library',
  description:
    'Add a book, paper, course or audiobook to the library of the current space, by default on the want-to-read list. Adding it as reading or finished stamps today as the start or finish day.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: itemTitleField(),
    author: authorField().optional(),
    kind: kindField().default('book'),
    status: statusField().default('want'),
    tags: tagsField().default([]),
    notes: itemNotesField().optional(),
  }),
  output: z.object({ item: libraryItemOut }),
  checks: {
    checks: [
      {
        read: 'library.list',
        input: { status: '$output.item.status', kind: '$output.item.kind', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: {
          title: '$input.title',
          author: '$output.item.author',
          kind: '$output.item.kind',
          status: '$output.item.status',
          tags: '$output.item.tags',
          notes: '$output.item.notes',
          startedOn: '$output.item.startedOn',
          finishedOn: '$output.item.finishedOn',
        },
      },
      {
        read: 'library.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: { title: '$output.item.title', status: '$output.item.status' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const day = today(now);
    const [row] = await ctx.db
      .insert(libraryItems)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        title: input.title,
        author: input.author ?? null,
        kind: input.kind,
        status: input.status,
        tags: input.tags,
        notes: input.notes ?? null,
        startedOn: input.status === 'reading' ? day : null,
        finishedOn: input.status === 'finished' ? day : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { item: toLibraryItem(row) };
  },
});
