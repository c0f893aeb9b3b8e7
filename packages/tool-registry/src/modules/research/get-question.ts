import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idField } from '../../fields';
import { inSpace, oneInSpace } from '../../space-scope';
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
    const row = await oneInSpace(ctx, researchQuestions, id, 'research question');
    const sources = await ctx.db
      .select()
      .from(researchSources)
      .where(inSpace(researchSources, ctx, eq(researchSources.questionId, id)))
      .orderBy(asc(researchSources.createdAt), asc(researchSources.id));
    return { question: toQuestion(row), sources: sources.map(toSource) };
  },
});
