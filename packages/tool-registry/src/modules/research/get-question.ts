import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { questionOut, sourceOut, toQuestion, toSource } from './shape';
import { researchQuestions, researchSources } from './table';

/** `research.get_question`: one question with all its sources. */
export const researchGetQuestion = defineTool({
  name: 'research.get_question',
  module: 'research',
  description: 'Read one research question by id, with its answer and every source tied to it.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('research question') }),
  output: z.object({ question: questionOut, sources: z.array(sourceOut) }),
  handler: async ({ id }, ctx) => {
    const [row] = await ctx.db
      .select()
      .from(researchQuestions)
      .where(and(eq(researchQuestions.id, id), eq(researchQuestions.spaceId, ctx.spaceId)));
    if (!row) throw notFound('research question', id);
    const sources = await ctx.db
      .select()
      .from(researchSources)
      .where(and(eq(researchSources.questionId, id), eq(researchSources.spaceId, ctx.spaceId)))
      .orderBy(asc(researchSources.createdAt), asc(researchSources.id));
    return { question: toQuestion(row), sources: sources.map(toSource) };
  },
});
