import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { dreamOut, toDream } from './shape';
import { dreams } from './table';

/** `dreams.get`: read one dream. */
export const dreamsGet = defineTool({
  name: 'dreams.get',
  module: 'dreams',
  description: 'Read one dream of the dream diary by its id.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('dream') }),
  output: z.object({ dream: dreamOut }),
  handler: async ({ id }, ctx) => {
    const [row] = await ctx.db
      .select()
      .from(dreams)
      .where(and(eq(dreams.id, id), eq(dreams.spaceId, ctx.spaceId)));
    if (!row) throw notFound('dream', id);
    return { dream: toDream(row) };
  },
});
