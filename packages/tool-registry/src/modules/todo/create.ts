import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateField, tagsField, textField, titleField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { priorityField, todoOut, toTodo } from './shape';
import { todos } from './table';

export const todoCreate = defineTool({
  name: 'todo.create',
  module: 'todo',
  description: 'Add a todo to the current space. Returns the todo with its id.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: titleField('What needs doing'),
    notes: textField('Details', 5000).optional(),
    dueOn: dateField('The day it is due').optional(),
    priority: priorityField().default('normal'),
    tags: tagsField().default([]),
  }),
  output: z.object({ todo: todoOut }),
  checks: {
    checks: [
      {
        read: 'todo.list',
        input: { status: 'all', query: '$output.todo.title', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: {
          title: '$input.title',
          notes: '$output.todo.notes',
          dueOn: '$output.todo.dueOn',
          priority: '$output.todo.priority',
          tags: '$output.todo.tags',
          status: 'open',
        },
      },
      {
        read: 'todo.list',
        input: { status: 'open', tag: '$output.todo.tags.0', limit: 100 },
        find: { list: 'todos', where: { id: '$output.todo.id' } },
        expect: { title: '$output.todo.title', status: 'open' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(todos)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        title: input.title,
        notes: input.notes ?? null,
        dueOn: input.dueOn ?? null,
        priority: input.priority,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { todo: toTodo(row) };
  },
});
