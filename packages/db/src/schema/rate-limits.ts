import { integer, text, timestamp } from 'drizzle-orm/pg-core';
import { authSchema } from './auth';

/**
 * Counters of the login limiter (`rate-limiter-flexible`'s `RateLimiterDrizzle` store):
 * one row per limited key (`account:<email>`, `ip:<address>`), the points consumed in the
 * current window and when the window (or block) ends. Shared by every replica of the
 * identity service; rows past `expire` are ignored and swept by the limiter.
 */
export const rateLimits = authSchema.table('rate_limits', {
  key: text('key').primaryKey(),
  points: integer('points').notNull(),
  expire: timestamp('expire', { withTimezone: true }),
});
