import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { researchSources } from './table';

/** `research.delete_source`: removes a source for good. */
export const researchDeleteSource = defineTool({
  name: 'research.delete_source',
  module: 'research',
  description: 'Delete a research source for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('source') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(researchSources)
      .where(and(eq(researchSources.id, id), eq(researchSources.spaceId, ctx.spaceId)))
      .returning({ id: researchSources.id });
    if (rows.length === 0) throw notFound('source', id);
    return { deleted: true as const, id };
  },
});
