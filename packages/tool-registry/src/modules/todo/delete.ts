import { z } from 'zod';
import { idField } from '../../fields';
import { deleteInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { todos } from './table';

export const todoDelete = defineTool({
  name: 'todo.delete',
  module: 'todo',
  description: 'Delete a todo for good.',
  scope: 'user-space',
  policyHint: 'destructive',
  input: z.object({ id: idField('todo') }),
  output: z.object({ deleted: z.literal(true), id: z.string() }),
  handler: ({ id }, ctx) => deleteInSpace(ctx, todos, id, 'todo'),
});
