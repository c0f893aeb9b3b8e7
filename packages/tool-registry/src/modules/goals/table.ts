import { appSchema } from '@mana/db';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { spaceRowColumns } from '../../columns';

/** Goals with a target date and progress from 0 to 100 %. */
export const goals = appSchema.table(
  'goals',
  {
    ...spaceRowColumns(),
    title: text('title').notNull(),
    description: text('description'),
    targetDate: date('target_date', { mode: 'string' }),
    progress: integer('progress').default(0).notNull(),
    status: text('status').$type<'active' | 'achieved' | 'abandoned'>().default('active').notNull(),
    achievedAt: timestamp('achieved_at', { withTimezone: true }),
  },
  (t) => [
    check('goals_progress_check', sql`${t.progress} between 0 and 100`),
    check('goals_status_check', sql`${t.status} in ('active', 'achieved', 'abandoned')`),
    index('goals_space_status_idx').on(t.spaceId, t.status),
  ],
);

/** Progress notes on a goal: what moved it, by how much. */
export const goalCheckins = appSchema.table(
  'goal_checkins',
  {
    ...spaceRowColumns(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    progress: integer('progress').notNull(),
    note: text('note'),
  },
  (t) => [index('goal_checkins_goal_idx').on(t.spaceId, t.goalId, t.createdAt)],
);
