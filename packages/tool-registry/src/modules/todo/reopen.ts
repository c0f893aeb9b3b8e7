import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
    const [row] = await ctx.db
      .update(todos)
      .set({ status: 'open', completedAt: null, updatedAt: ctx.now() })
      .where(and(eq(todos.id, id), eq(todos.spaceId, ctx.spaceId)))
      .returning();
    if (!row) throw notFound('todo', id);
    return { todo: toTodo(row) };
  },
});
