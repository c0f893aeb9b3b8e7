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
  checks: {
    checks: [
      {
        read: 'todo.list',
        input: { status: 'open', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: { status: 'open', completedAt: null },
      },
      {
        read: 'todo.list',
        input: { status: 'done', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const row = await updateInSpace(ctx, todos, id, 'todo', {
      status: 'open',
      completedAt: null,
      updatedAt: ctx.now(),
    });
    return { todo: toTodo(row) };
  },
});
