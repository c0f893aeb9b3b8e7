import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  citationField,
  sourceKindField,
  sourceNotesField,
  sourceOut,
  sourceTitleField,
  sourceUrlField,
  toSource,
} from './shape';
import { researchQuestions, researchSources } from './table';

/** `research.add_source`: records a paper, article or dataset, optionally for a question. */
export const researchAddSource = defineTool({
  name: 'research.add_source',
  module: 'research',
  description:
    'Record a source (paper, article, book, dataset) with its citation and your notes, optionally tied to a research question of the current space.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: sourceTitleField(),
    url: sourceUrlField().optional(),
    citation: citationField().optional(),
    notes: sourceNotesField().optional(),
    kind: sourceKindField().default('paper'),
    questionId: idField('research question this source helps answer').optional(),
  }),
  output: z.object({ source: sourceOut }),
  checks: {
    checks: [
      {
        read: 'research.list_sources',
        input: { questionId: '$input.questionId', kind: '$output.source.kind', limit: 100 },
        find: { list: 'sources', where: { id: '$output.source.id' } },
        expect: {
          title: '$input.title',
          url: '$output.source.url',
          citation: '$output.source.citation',
          notes: '$output.source.notes',
          kind: '$output.source.kind',
          questionId: '$output.source.questionId',
        },
      },
      {
        read: 'research.list_sources',
        input: { limit: 100 },
        find: { list: 'sources', where: { id: '$output.source.id' } },
        expect: { title: '$output.source.title', questionId: '$output.source.questionId' },
      },
    ],
  },
  handler: async (input, ctx) => {
    if (input.questionId) {
      await oneInSpace(ctx, researchQuestions, input.questionId, 'research question');
    }
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(researchSources)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        questionId: input.questionId ?? null,
        title: input.title,
        url: input.url ?? null,
        citation: input.citation ?? null,
        notes: input.notes ?? null,
        kind: input.kind,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { source: toSource(row) };
  },
});
