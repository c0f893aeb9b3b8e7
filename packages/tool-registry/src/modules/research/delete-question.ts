import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { researchQuestions } from './table';

/** `research.delete_question`: removes a question for good; its sources stay, unattached. */
export const researchDeleteQuestion = defineTool({
  name: 'research.delete_question',
  module: 'research',
  description:
    'Delete a research question for good. Its sources are kept but no longer tied to a question.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('research question') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(researchQuestions)
      .where(and(eq(researchQuestions.id, id), eq(researchQuestions.spaceId, ctx.spaceId)))
      .returning({ id: researchQuestions.id });
    if (rows.length === 0) throw notFound('research question', id);
    return { deleted: true as const, id };
  },
});
