import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { LIBRARY_STATUSES, libraryItemOut, statusField, today, toLibraryItem } from './shape';
import { libraryItems } from './table';

/** `library.update_status`: moves an item along want → reading → finished (or dropped). */
export const libraryUpdateStatus = defineTool({
  name: 'library.update_status',
  module: 'library',
  description:
    'Move a library item to want, reading, finished or dropped. Starting it (reading) records the start day unless one is set; finishing it records the finish day; want clears both. The day defaults to today.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('library item'),
    status: statusField(),
    on: dateField('The day it happened (started or finished); today if left out').optional(),
  }),
  output: z.object({
    item: libraryItemOut,
    previousStatus: z.enum(LIBRARY_STATUSES),
  }),
  checks: {
    checks: [
      {
        read: 'library.list',
        input: { status: '$input.status', kind: '$output.item.kind', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: {
          status: '$input.status',
          startedOn: '$output.item.startedOn',
          finishedOn: '$output.item.finishedOn',
        },
      },
      {
        read: 'library.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: { status: '$input.status' },
      },
    ],
  },
  handler: async ({ id, status, on }, ctx) => {
    const existing = await oneInSpace(ctx, libraryItems, id, 'library item');
    if (status === existing.status && on === undefined) {
      return { item: toLibraryItem(existing), previousStatus: existing.status };
    }
    const now = ctx.now();
    const day = on ?? today(now);
    let dates: { startedOn?: string | null; finishedOn?: string | null } = {};
    if (status === 'want') dates = { startedOn: null, finishedOn: null };
    if (status === 'reading') {
      dates = { startedOn: on ?? existing.startedOn ?? day, finishedOn: null };
    }
    if (status === 'finished') {
      if (existing.startedOn && day < existing.startedOn) {
        throw new ToolError(
          'INVALID_INPUT',
          `Cannot finish it on ${day}: it was started on ${existing.startedOn}`,
        );
      }
      dates = { finishedOn: day };
    }
    const row = await updateInSpace(ctx, libraryItems, id, 'library item', {
      status,
      ...dates,
      updatedAt: now,
    });
    return { item: toLibraryItem(row), previousStatus: existing.status };
  },
});
