import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { likePattern, limitField, searchField } from '../../fields';
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
    const where: SQL[] = [eq(libraryItems.spaceId, ctx.spaceId)];
    if (input.status !== 'all') where.push(eq(libraryItems.status, input.status));
    if (input.kind) where.push(eq(libraryItems.kind, input.kind));
    if (input.tag) where.push(sql`${input.tag} = any(${libraryItems.tags})`);
    if (input.query) {
      const pattern = likePattern(input.query);
      where.push(
        or(
          ilike(libraryItems.title, pattern),
          ilike(libraryItems.author, pattern),
          ilike(libraryItems.notes, pattern),
        ) as SQL,
      );
    }
    const rows = await ctx.db
      .select()
      .from(libraryItems)
      .where(and(...where))
      .orderBy(
        sql`case ${libraryItems.status} when 'reading' then 0 when 'want' then 1 when 'finished' then 2 else 3 end`,
        desc(libraryItems.updatedAt),
        asc(libraryItems.id),
      )
      .limit(input.limit);
    return { items: rows.map(toLibraryItem), count: rows.length };
  },
});
