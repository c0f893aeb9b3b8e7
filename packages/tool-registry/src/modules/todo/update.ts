import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../errors';
import { dateField, idField, tagsField, textField, titleField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { priorityField, todoOut, toTodo } from './shape';
import { todos } from './table';

export const todoUpdate = defineTool({
  name: 'todo.update',
  module: 'todo',
  description:
    'Change a todo’s title, notes, due day, priority or tags. Only the given fields change; dueOn null clears it.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('todo'),
    title: titleField('What needs doing').optional(),
    notes: textField('Details', 5000).nullable().optional().describe('Details; null clears them'),
    dueOn: dateField('The day it is due')
      .nullable()
      .optional()
      .describe('The day it is due, as YYYY-MM-DD; null clears it'),
    priority: priorityField().optional(),
    tags: tagsField().optional(),
  }),
  output: z.object({ todo: todoOut }),
  handler: async ({ id, ...changes }, ctx) => {
    const [row] = await ctx.db
      .update(todos)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(and(eq(todos.id, id), eq(todos.spaceId, ctx.spaceId)))
      .returning();
    if (!row) throw notFound('todo', id);
    return { todo: toTodo(row) };
  },
});
