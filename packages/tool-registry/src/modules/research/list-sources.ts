import { and, asc, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idField, likePattern, limitField, searchField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { assertQuestionInSpace } from './question-in-space';
import { sourceKindField, sourceOut, toSource } from './shape';
import { researchSources } from './table';

/** `research.list_sources`: the sources collected, newest first. */
export const researchListSources = defineTool({
  name: 'research.list_sources',
  module: 'research',
  description:
    'List research sources of the current space, newest first. Filter by question, kind, or text in title, citation and notes.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    questionId: idField('research question whose sources to list').optional(),
    kind: sourceKindField().optional().describe('Only sources of this kind'),
    query: searchField('title, citation and notes').optional(),
    limit: limitField(),
  }),
  output: z.object({ sources: z.array(sourceOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [eq(researchSources.spaceId, ctx.spaceId)];
    if (input.questionId) {
      await assertQuestionInSpace(ctx, input.questionId);
      where.push(eq(researchSources.questionId, input.questionId));
    }
    if (input.kind) where.push(eq(researchSources.kind, input.kind));
    if (input.query) {
      const pattern = likePattern(input.query);
      where.push(
        or(
          ilike(researchSources.title, pattern),
          ilike(researchSources.citation, pattern),
          ilike(researchSources.notes, pattern),
        ) as SQL,
      );
    }
    const rows = await ctx.db
      .select()
      .from(researchSources)
      .where(and(...where))
      .orderBy(desc(researchSources.createdAt), asc(researchSources.id))
      .limit(input.limit);
    return { sources: rows.map(toSource), count: rows.length };
  },
});
