import { z } from 'zod';
import { dateField, idField, tagsField, textField, titleField } from '../../fields';
import { updateInSpace } from '../../space-scope';
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
  checks: {
    checks: [
      {
        read: 'todo.list',
        input: { status: 'all', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: {
          title: '$output.todo.title',
          notes: '$output.todo.notes',
          dueOn: '$output.todo.dueOn',
          priority: '$output.todo.priority',
          tags: '$output.todo.tags',
        },
      },
      {
        read: 'todo.list',
        input: { status: '$output.todo.status', tag: '$output.todo.tags.0', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: { title: '$output.todo.title', dueOn: '$output.todo.dueOn' },
      },
    ],
  },
  handler: async ({ id, ...changes }, ctx) => {
    const row = await updateInSpace(ctx, todos, id, 'todo', { ...changes, updatedAt: ctx.now() });
    return { todo: toTodo(row) };
  },
});
