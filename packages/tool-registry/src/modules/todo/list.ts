import { asc, desc, eq, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { dateField, limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { todoOut, toTodo } from './shape';
import { todos } from './table';

export const todoList = defineTool({
  name: 'todo.list',
  module: 'todo',
  description:
    'List todos of the current space: open ones first by due day, then by creation. Filter by status, due day, tag or text.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    status: z.enum(['open', 'done', 'all']).default('open').describe('Which todos to list'),
    dueBefore: dateField('Only todos due on or before this day').optional(),
    tag: z.string().trim().min(1).max(40).optional().describe('Only todos with this tag'),
    query: searchField('title and notes').optional(),
    limit: limitField(),
  }),
  output: z.object({ todos: z.array(todoOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    const where: SQL[] = [];
    if (input.status !== 'all') where.push(eq(todos.status, input.status));
    if (input.dueBefore) where.push(lte(todos.dueOn, input.dueBefore));
    if (input.tag) where.push(sql`${input.tag} = any(${todos.tags})`);
    if (input.query) where.push(textMatch(input.query, todos.title, todos.notes));
    const rows = await ctx.db
      .select()
      .from(todos)
      .where(inSpace(todos, ctx, ...where))
      .orderBy(
        // Open before done ('done' < 'open' alphabetically, so not by the column itself).
        sql`${todos.status} = 'done'`,

        sql`${todos.dueOn} asc nulls last`,
        desc(todos.createdAt),
        asc(todos.id),
      )
      .limit(input.limit);
    return { todos: rows.map(toTodo), count: rows.length };
  },
});
