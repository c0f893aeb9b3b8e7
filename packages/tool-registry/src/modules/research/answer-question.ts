import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { questionOut, toQuestion } from './shape';
import { researchQuestions } from './table';

/** `research.answer_question`: records the answer and marks the question answered. */
export const researchAnswerQuestion = defineTool({
  name: 'research.answer_question',
  module: 'research',
  description:
    'Write the answer to a research question and mark it answered. Answering again replaces the earlier answer.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('research question'),
    answer: z.string().trim().min(1).max(20_000).describe('What you found out, in your own words'),
  }),
  output: z.object({ question: questionOut }),
  checks: {
    checks: [
      {
        read: 'research.get_question',
        input: { id: '$output.question.id' },
        find: { item: 'question' },
        expect: { status: 'answered', answer: '$input.answer' },
      },
      {
        read: 'research.list_questions',
        input: { status: 'answered', tag: '$output.question.tags.0', limit: 100 },
        find: { list: 'questions', where: { id: '$output.question.id' } },
        expect: { status: 'answered', answer: '$output.question.answer' },
      },
    ],
  },
  handler: async ({ id, answer }, ctx) => {
    const row = await updateInSpace(ctx, researchQuestions, id, 'research question', {
      answer,
      status: 'answered',
      updatedAt: ctx.now(),
    });
    return { question: toQuestion(row) };
  },
});
