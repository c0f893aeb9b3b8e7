import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { tagsField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { contextField, questionOut, questionTextField, toQuestion } from './shape';
import { researchQuestions } from './table';

/** `research.create_question`: opens a new research question. */
export const researchCreateQuestion = defineTool({
  name: 'research.create_question',
  module: 'research',
  description:
    'Write down a new open research question in the current space. Returns it with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    question: questionTextField(),
    context: contextField().optional(),
    tags: tagsField().default([]),
  }),
  output: z.object({ question: questionOut }),
  checks: {
    checks: [
      {
        read: 'research.get_question',
        input: { id: '$output.question.id' },
        find: { item: 'question' },
        expect: {
          question: '$input.question',
          context: '$output.question.context',
          tags: '$output.question.tags',
          status: 'open',
          answer: null,
        },
      },
      {
        read: 'research.list_questions',
        input: { status: 'open', tag: '$output.question.tags.0', limit: 100 },
        find: { list: 'questions', where: { id: '$output.question.id' } },
        expect: { question: '$output.question.question' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(researchQuestions)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        question: input.question,
        context: input.context ?? null,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { question: toQuestion(row) };
  },
});
