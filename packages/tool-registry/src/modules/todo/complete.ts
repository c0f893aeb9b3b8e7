import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace, updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { todoOut, toTodo } from './shape';
import { todos } from './table';

export const todoComplete = defineTool({
  name: 'todo.complete',
  module: 'todo',
  description: 'Mark a todo as done. Completing a done todo keeps its first completion time.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({ id: idField('todo') }),
  output: z.object({ todo: todoOut, alreadyDone: z.boolean() }),
  checks: {
    checks: [
      {
        read: 'todo.list',
        input: { status: 'done', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: { status: 'done', completedAt: '$output.todo.completedAt' },
      },
      {
        read: 'todo.list',
        input: { status: 'open', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        absent: true,
      },
    ],
  },
  handler: async ({ id }, ctx) => {
    const existing = await oneInSpace(ctx, todos, id, 'todo');
    if (existing.status === 'done') return { todo: toTodo(existing), alreadyDone: true };
    const now = ctx.now();
    const row = await updateInSpace(ctx, todos, id, 'todo', {
      status: 'done',
      completedAt: now,
      updatedAt: now,
    });
    return { todo: toTodo(row), alreadyDone: false };
  },
});
