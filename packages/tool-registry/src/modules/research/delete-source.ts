import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { researchSources } from './table';

/** `research.delete_source`: removes a source for good. */
export const researchDeleteSource = defineTool({
  name: 'research.delete_source',
  module: 'research',
  description: 'Delete a research source for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('source') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, researchSources, id, 'source'),
});
