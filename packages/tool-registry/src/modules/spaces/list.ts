import { members, organizations } from '@mana/db';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineTool } from '../../tool-spec';
import { spaceColumns, spaceOut, toSpace } from './shape';

/** `spaces.list`: the spaces the caller belongs to. */
export const spacesList = defineTool({
  name: 'spaces.list',
  module: 'spaces',
  description:
    'List the spaces you belong to (personal, family, team…) with your role in each; the one tools act in is marked current.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({}),
  output: z.object({ spaces: z.array(spaceOut), count: z.number().int() }),
  handler: async (_input, ctx) => {
    const rows = await ctx.db
      .select(spaceColumns)
      .from(organizations)
      .innerJoin(
        members,
        and(eq(members.organizationId, organizations.id), eq(members.userId, ctx.userId)),
      )
      .orderBy(asc(organizations.name), asc(organizations.id));
    return { spaces: rows.map((row) => toSpace(row, ctx)), count: rows.length };
  },
});
