import { asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { kindField, LIBRARY_STATUSES, libraryItemOut, toLibraryItem } from './shape';
import { libraryItems } from './table';

/** `library.list`: the shelf, what is being read first. */
export const libraryList = defineTool({
  name: 'library.list',
  module: 'library',
  description:
    'List library items of the current space: reading first, then want, finished and dropped, each most recently changed first. Filter by status, kind, tag or text.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum([...LIBRARY_STATUSES, 'all'])
      .default('all')
      .describe('Only items with this status'),
    kind: kindField().optional().describe('Only items of this kind'),
    tag: z.string().trim().min(1).max(40).optional().describe('Only items with this tag'),
    query: searchField('title, author and notes').optional(),
    limit: limitField(),
  }),
  output: z.object({ items: z.array(libraryItemOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.status !== 'all') where.push(eq(libraryItems.status, input.status));
    if (input.kind) where.push(eq(libraryItems.kind, input.kind));
    if (input.tag) where.push(sql`${input.tag} = any(${libraryItems.tags})`);
    if (input.query) {
      where.push(
        textMatch(input.query, libraryItems.title, libraryItems.author, libraryItems.notes),
      );
    }
    const rows = await ctx.db
      .select()
      .from(libraryItems)
      .where(inSpace(libraryItems, ctx, ...where))
      .orderBy(
        sql`case ${libraryItems.status} when 'reading' then 0 when 'want' then 1 when 'finished' then 2 else 3 end`,
        desc(libraryItems.updatedAt),
        asc(libraryItems.id),
      )
      .limit(input.limit);
    return { items: rows.map(toLibraryItem), count: rows.length };
  },
});
