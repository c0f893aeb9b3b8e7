import { and, asc, count, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { QUESTION_STATUSES, questionOut, toQuestion } from './shape';
import { researchQuestions, researchSources } from './table';

/** `research.list_questions`: the research questions, newest first, with their source counts. */
export const researchListQuestions = defineTool({
  name: 'research.list_questions',
  module: 'research',
  description:
    'List research questions of the current space, newest first, each with how many sources it has. By default only open ones; filter by status, tag or text.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z
      .enum([...QUESTION_STATUSES, 'all'])
      .default('open')
      .describe('Only questions with this status'),
    tag: z.string().trim().min(1).max(40).optional().describe('Only questions with this tag'),
    query: searchField('question, context and answer').optional(),
    limit: limitField(),
  }),
  output: z.object({
    questions: z.array(
      questionOut.extend({ sourceCount: z.number().int().describe('Sources tied to it') }),
    ),
    count: z.number().int(),
  }),
  handler: async (input, ctx) => {
    const q = researchQuestions;
    const where: SQL[] = [];
    if (input.status !== 'all') where.push(eq(q.status, input.status));
    if (input.tag) where.push(sql`${input.tag} = any(${q.tags})`);
    if (input.query) where.push(textMatch(input.query, q.question, q.context, q.answer));
    const rows = await ctx.db
      .select({ ...getTableColumns(q), sourceCount: count(researchSources.id) })
      .from(q)
      .leftJoin(
        researchSources,
        and(eq(researchSources.questionId, q.id), eq(researchSources.spaceId, q.spaceId)),
      )
      .where(inSpace(q, ctx, ...where))
      .groupBy(q.id)
      .orderBy(desc(q.createdAt), asc(q.id))
      .limit(input.limit);
    return {
      questions: rows.map(({ sourceCount, ...row }) => ({
        ...toQuestion(row),
        sourceCount: Number(sourceCount),
      })),
      count: rows.length,
    };
  },
});
