import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
  handler: async ({ id }, ctx) => {
    const where = and(eq(todos.id, id), eq(todos.spaceId, ctx.spaceId));
    const [existing] = await ctx.db.select().from(todos).where(where);
    if (!existing) throw notFound('todo', id);
    if (existing.status === 'done') return { todo: toTodo(existing), alreadyDone: true };
    const now = ctx.now();
    const [row] = await ctx.db
      .update(todos)
      .set({ status: 'done', completedAt: now, updatedAt: now })
      .where(where)
      .returning();
    if (!row) throw notFound('todo', id);
    return { todo: toTodo(row), alreadyDone: false };
  },
});
