import { pgSchema } from 'drizzle-orm/pg-core';

/**
 * Postgres schema of the reference app's module data. The tables themselves live with
 * their modules in `@mana/tool-registry` (`modules/<module>/table.ts`); every row there
 * belongs to a space.
 */
export const appSchema = pgSchema('app');
