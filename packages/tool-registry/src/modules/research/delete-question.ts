import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { researchQuestions } from './table';

/** `research.delete_question`: removes a question for good; its sources stay, unattached. */
export const researchDeleteQuestion = defineTool({
  name: 'research.delete_question',
  module: 'research',
  description:
    'Delete a research question for good. Its sources are kept but no longer tied to a question.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('research question') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, researchQuestions, id, 'research question'),
});
