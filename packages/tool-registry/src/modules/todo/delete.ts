import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { idField } from '../../fields';
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
  handler: async ({ id }, ctx) => {
    const rows = await ctx.db
      .delete(todos)
      .where(and(eq(todos.id, id), eq(todos.spaceId, ctx.spaceId)))
      .returning({ id: todos.id });
    if (rows.length === 0) throw notFound('todo', id);
    return { deleted: true as const, id };
  },
});
