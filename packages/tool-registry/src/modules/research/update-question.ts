import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField, tagsField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  contextField,
  QUESTION_STATUSES,
  questionOut,
  questionTextField,
  toQuestion,
} from './shape';
import { researchQuestions } from './table';

/** `research.update_question`: rewords a question, changes its context, status or tags. */
export const researchUpdateQuestion = defineTool({
  name: 'research.update_question',
  module: 'research',
  description:
    'Change a research question’s wording, context, status or tags; only the given fields change. Park a question to set it aside, or reopen it; to answer it use research.answer_question.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('research question'),
    question: questionTextField().optional(),
    context: contextField()
      .nullable()
      .optional()
      .describe('Why you ask and what you already know; null clears it'),
    status: z
      .enum(QUESTION_STATUSES)
      .optional()
      .describe('open = working on it, parked = set aside, answered = needs an answer already'),
    tags: tagsField().optional().describe('The new labels, replacing the old ones'),
  }),
  output: z.object({ question: questionOut }),
  checks: {
    checks: [
      {
        read: 'research.get_question',
        input: { id: '$output.question.id' },
        find: { item: 'question' },
        expect: {
          question: '$output.question.question',
          context: '$output.question.context',
          tags: '$output.question.tags',
          status: '$output.question.status',
        },
      },
      {
        read: 'research.list_questions',
        input: {
          status: '$output.question.status',
          tag: '$output.question.tags.0',
          limit: 100,
        },
        find: { list: 'questions', where: { id: '$output.question.id' } },
        expect: { question: '$output.question.question', tags: '$output.question.tags' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new ToolError(
        'INVALID_INPUT',
        'Give at least one of question, context, status or tags',
      );
    }
    const existing = await oneInSpace(ctx, researchQuestions, id, 'research question');
    if (changes.status === 'answered' && existing.answer === null) {
      throw new ToolError(
        'INVALID_STATE',
        'This question has no answer yet; use research.answer_question to answer it',
      );
    }
    const row = await updateInSpace(ctx, researchQuestions, id, 'research question', {
      ...changes,
      updatedAt: ctx.now(),
    });
    return { question: toQuestion(row) };
  },
});
