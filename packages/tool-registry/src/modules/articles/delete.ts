import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { articles } from './table';

/** `articles.delete`: removes a saved article for good. */
export const articlesDelete = defineTool({
  name: 'articles.delete',
  module: 'articles',
  description: 'Delete a saved article for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('article') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, articles, id, 'article'),
});
