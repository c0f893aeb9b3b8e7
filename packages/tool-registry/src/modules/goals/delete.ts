import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { goalWhere } from './find-goal';
import { goals } from './table';

/** `goals.delete`: removes a goal and its check-ins for good. */
export const goalsDelete = defineTool({
  name: 'goals.delete',
  module: 'goals',
  description: 'Delete a goal and its progress check-ins for good (abandoning keeps them).',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('goal') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db.delete(goals).where(goalWhere(id, ctx)).returning({ id: goals.id });
    if (rows.length === 0) throw notFound('goal', id);
    return { deleted: true as const, id };
  },
});
