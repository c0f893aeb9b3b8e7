import { z } from 'zod';
import { ToolError } from '../../errors';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
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

/** `research.update_source`: edits a source or ties it to another question. */
export const researchUpdateSource = defineTool({
  name: 'research.update_source',
  module: 'research',
  description:
    'Change a source’s title, address, citation, notes or kind, or tie it to a question (questionId null unties it); only the given fields change.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('source'),
    title: sourceTitleField().optional(),
    url: sourceUrlField().nullable().optional().describe('Its web address; null clears it'),
    citation: citationField().nullable().optional().describe('The reference; null clears it'),
    notes: sourceNotesField()
      .nullable()
      .optional()
      .describe('What you took from it; null clears it'),
    kind: sourceKindField().optional(),
    questionId: idField('research question this source helps answer')
      .nullable()
      .optional()
      .describe('Id of the research question it helps answer; null unties it'),
  }),
  output: z.object({ source: sourceOut }),
  checks: {
    checks: [
      {
        read: 'research.list_sources',
        input: { kind: '$output.source.kind', limit: 100 },
        find: { list: 'sources', where: { id: '$output.source.id' } },
        expect: {
          title: '$output.source.title',
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
  handler: async ({ id, ...changes }, ctx) => {
    if (Object.values(changes).every((v) => v === undefined)) {
      throw new ToolError('INVALID_INPUT', 'Give at least one field to change');
    }
    if (changes.questionId) {
      await oneInSpace(ctx, researchQuestions, changes.questionId, 'research question');
    }
    const row = await updateInSpace(ctx, researchSources, id, 'source', {
      ...changes,
      updatedAt: ctx.now(),
    });
    return { source: toSource(row) };
  },
});
