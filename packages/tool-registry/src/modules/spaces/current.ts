import { members } from '@mana/db';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineTool } from '../../tool-spec';
import { currentSpace } from './current-space';
import { spaceOut, toSpace } from './shape';

/** `spaces.current`: the space tools act in, with how many people share it. */
export const spacesCurrent = defineTool({
  name: 'spaces.current',
  module: 'spaces',
  description:
    'Show the space tools currently act in: its name, type, your role and how many members it has.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({}),
  output: z.object({ space: spaceOut.extend({ memberCount: z.number().int() }) }),
  handler: async (_input, ctx) => {
    const space = await currentSpace(ctx);
    const [result] = await ctx.db
      .select({ n: count() })
      .from(members)
      .where(eq(members.organizationId, ctx.spaceId));
    return { space: { ...toSpace(space, ctx), memberCount: Number(result?.n ?? 0) } };
  },
});
