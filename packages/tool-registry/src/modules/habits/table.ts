import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Habits a person wants to keep, with a target per day or week. */
export const habits = appSchema.table(
  'habits',
  {
    ...spaceRowColumns(),
    name: text('name').notNull(),
    description: text('description'),
    period: text('period').$type<'daily' | 'weekly'>().default('daily').notNull(),
    targetPerPeriod: integer('target_per_period').default(1).notNull(),
    archived: boolean('archived').default(false).notNull(),
  },
  (t) => [
    check('habits_period_check', sql`${t.period} in ('daily', 'weekly')`),
    check('habits_target_check', sql`${t.targetPerPeriod} between 1 and 100`),
    index('habits_space_idx').on(t.spaceId, t.archived),
  ],
);

/** One entry per time a habit was done. */
export const habitLogs = appSchema.table(
  'habit_logs',
  {
    id: uuid('id').primaryKey(),
    habitId: uuid('habit_id')
      .notNull()
      .references(() => habits.id, { onDelete: 'cascade' }),
    spaceId: text('space_id').notNull(),
    loggedOn: date('logged_on', { mode: 'string' }).notNull(),
    count: integer('count').default(1).notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    check('habit_logs_count_check', sql`${t.count} between 1 and 1000`),
    index('habit_logs_habit_day_idx').on(t.habitId, t.loggedOn),
    index('habit_logs_space_day_idx').on(t.spaceId, t.loggedOn),
  ],
);
