import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, date, index, text, timestamp } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Todos: things to do, optionally due on a day, done or open. */
export const todos = appSchema.table(
  'todos',
  {
    ...spaceRowColumns(),
    title: text('title').notNull(),
    notes: text('notes'),
    dueOn: date('due_on', { mode: 'string' }),
    priority: text('priority').$type<'low' | 'normal' | 'high'>().default('normal').notNull(),
    tags: text('tags').array().default(sql`'{}'::text[]`).notNull(),
    status: text('status').$type<'open' | 'done'>().default('open').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    check('todos_priority_check', sql`${t.priority} in ('low', 'normal', 'high')`),
    check('todos_status_check', sql`${t.status} in ('open', 'done')`),
    index('todos_space_status_idx').on(t.spaceId, t.status, t.dueOn),
  ],
);
