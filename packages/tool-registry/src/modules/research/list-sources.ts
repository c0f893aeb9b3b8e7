import { asc, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { idField, limitField, searchField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { sourceKindField, sourceOut, toSource } from './shape';
import { researchQuestions, researchSources } from './table';

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
    const where: SQL[] = [];
    if (input.questionId) {
      await oneInSpace(ctx, researchQuestions, input.questionId, 'research question');
      where.push(eq(researchSources.questionId, input.questionId));
    }
    if (input.kind) where.push(eq(researchSources.kind, input.kind));
    if (input.query) {
      where.push(
        textMatch(
          input.query,
          researchSources.title,
          researchSources.citation,
          researchSources.notes,
        ),
      );
    }
    const rows = await ctx.db
      .select()
      .from(researchSources)
      .where(inSpace(researchSources, ctx, ...where))
      .orderBy(desc(researchSources.createdAt), asc(researchSources.id))
      .limit(input.limit);
    return { sources: rows.map(toSource), count: rows.length };
  },
});
