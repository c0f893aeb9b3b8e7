import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { itemNotesField, libraryItemOut, toLibraryItem } from './shape';
import { libraryItems } from './table';

/** `library.rate`: gives a started or finished item 1 to 5 stars. */
export const libraryRate = defineTool({
  name: 'library.rate',
  module: 'library',
  description:
    'Rate a library item you have started or finished, from 1 to 5 stars, optionally with notes (which replace the old notes).',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('library item'),
    rating: z.number().int().min(1).max(5).describe('Stars from 1 (poor) to 5 (excellent)'),
    notes: itemNotesField().optional(),
  }),
  output: z.object({ item: libraryItemOut }),
  checks: {
    checks: [
      {
        read: 'library.list',
        input: { status: '$output.item.status', kind: '$output.item.kind', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: { rating: '$input.rating', notes: '$output.item.notes' },
      },
      {
        read: 'library.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'items', where: { id: '$output.item.id' } },
        expect: { rating: '$input.rating' },
      },
    ],
  },
  handler: async ({ id, rating, notes }, ctx) => {
    const existing = await oneInSpace(ctx, libraryItems, id, 'library item');
    if (!existing.startedOn && !existing.finishedOn) {
      throw new ToolError(
        'INVALID_STATE',
        `“${existing.title}” has not been started yet; set its status to reading or finished before rating it`,
      );
    }
    const row = await updateInSpace(ctx, libraryItems, id, 'library item', {
      rating,
      notes,
      updatedAt: ctx.now(),
    });
    return { item: toLibraryItem(row) };
  },
});
