import { members, users } from '@mana/db';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isoOut } from '../../fields';
import { defineTool } from '../../tool-spec';
import { currentSpace } from './current-space';

/** `spaces.members`: who shares the current space (no contact details). */
export const spacesMembers = defineTool({
  name: 'spaces.members',
  module: 'spaces',
  description: 'List the members of the current space with their names and roles.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({}),
  output: z.object({
    members: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        role: z.string().describe('owner, admin or member'),
        you: z.boolean().describe('Whether this member is you'),
        joinedAt: isoOut,
      }),
    ),
    count: z.number().int(),
  }),
  handler: async (_input, ctx) => {
    await currentSpace(ctx);
    const rows = await ctx.db
      .select({
        userId: members.userId,
        name: users.name,
        role: members.role,
        joinedAt: members.createdAt,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(eq(members.organizationId, ctx.spaceId))
      .orderBy(asc(users.name), asc(members.userId));
    return {
      members: rows.map((row) => ({
        ...row,
        you: row.userId === ctx.userId,
        joinedAt: row.joinedAt.toISOString(),
      })),
      count: rows.length,
    };
  },
});
