import { organizations } from '@mana/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound, ToolError } from '../../errors';
import { titleField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { currentSpace, hasRole } from './current-space';
import { spaceOut, toSpace } from './shape';

/** `spaces.rename`: renames the current space; owners and admins only. */
export const spacesRename = defineTool({
  name: 'spaces.rename',
  module: 'spaces',
  description: 'Give the current space a new name. Only its owner or an admin may do this.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ name: titleField('The new name of the space, e.g. "Family Weber"', 100) }),
  output: z.object({ space: spaceOut }),
  checks: {
    checks: [
      {
        read: 'spaces.current',
        input: {},
        find: { item: 'space' },
        expect: { id: '$output.space.id', name: '$input.name' },
      },
      {
        read: 'spaces.list',
        input: {},
        find: { list: 'spaces', where: { id: '$output.space.id' } },
        expect: { name: '$output.space.name', current: true },
      },
    ],
  },
  handler: async ({ name }, ctx) => {
    const space = await currentSpace(ctx);
    if (!hasRole(space.role, 'owner', 'admin')) {
      throw new ToolError(
        'FORBIDDEN',
        `Only an owner or admin can rename "${space.name}"; your role is ${space.role}`,
      );
    }
    const [row] = await ctx.db
      .update(organizations)
      .set({ name })
      .where(eq(organizations.id, ctx.spaceId))
      .returning({ name: organizations.name });
    if (!row) throw notFound('space', ctx.spaceId);
    return { space: toSpace({ ...space, name: row.name }, ctx) };
  },
});
