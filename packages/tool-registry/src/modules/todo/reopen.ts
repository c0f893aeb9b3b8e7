import { z } from 'zod';
import { idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { todoOut, toTodo } from './shape';
import { todos } from './table';

export const todoReopen = defineTool({
  name: 'todo.reopen',
  module: 'todo',
  description: 'Mark a done todo as open again.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('todo') }),
  output: z.object({ todo: todoOut }),
  handler: async ({ id }, ctx) => {
    const row = await updateInSpace(ctx, todos, id, 'todo', {
      status: 'open',
      completedAt: null,
      updatedAt: ctx.now(),
    });
    return { todo: toTodo(row) };
  },
});
