import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, idField, tagsField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  authorField,
  itemNotesField,
  itemTitleField,
  kindField,
  libraryItemOut,
  toLibraryItem,
} from './shape';
import { libraryItems } from './table';

/** `library.update`: corrects an item's details or its start and finish days. */
export const libraryUpdate = defineTool({
  name: 'library.update',
  module: 'library',
  description:
    'Change a library item’s title, author, kind, tags, notes, or correct its start and finish days; only the given fields change, null clears. Use library.update_status to change its status.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('library item'),
    title: itemTitleField().optional(),
    author: authorField().nullable().optional().describe('Who wrote or teaches it; null clears it'),
    kind: kindField().optional(),
    tags: tagsField().optional().describe('The new labels, replacing the old ones'),
    notes: itemNotesField().nullable().optional().describe('Your notes on it; null clears them'),
    startedOn: dateField('The day you started it')
      .nullable()
      .optional()
      .describe('The day you started it, as YYYY-MM-DD; null clears it'),
    finishedOn: dateField('The day you finished it')
      .nullable()
      .optional()
      .describe('The day you finished it, as YYYY-MM-DD; null clears it'),
  }),
  output: z.object({ item: libraryItemOut }),
  checks: {
    checks: [
      {
        read: 'library.list',
        input: { status: '$output.item.status', kind: '$output.item.kind', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: {
          title: '$output.item.title',
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
        expect: { title: '$output.item.title', notes: '$output.item.notes' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new ToolError('INVALID_INPUT', 'Give at least one field to change');
    }
    const existing = await oneInSpace(ctx, libraryItems, id, 'library item');
    const startedOn = changes.startedOn === undefined ? existing.startedOn : changes.startedOn;
    const finishedOn = changes.finishedOn === undefined ? existing.finishedOn : changes.finishedOn;
    if (startedOn && finishedOn && finishedOn < startedOn) {
      throw new ToolError(
        'INVALID_INPUT',
        `The finish day ${finishedOn} is before the start day ${startedOn}`,
      );
    }
    const row = await updateInSpace(ctx, libraryItems, id, 'library item', {
      ...changes,
      updatedAt: ctx.now(),
    });
    return { item: toLibraryItem(row) };
  },
});
