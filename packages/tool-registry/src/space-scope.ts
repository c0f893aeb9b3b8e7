import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { notFound } from './errors';
import type { ToolContext } from './tool-spec';

/**
 * A table whose rows belong to a space: it has an `id` and a `spaceId` column, as every
 * table built on `spaceRowColumns()` does (and `habit_logs`, which declares its own).
 */
export type SpaceTable = PgTable & {
  id: AnyPgColumn<{ data: string }>;
  spaceId: AnyPgColumn<{ data: string }>;
};

/** A row of a {@link SpaceTable}, as a plain select returns it. */
export type SpaceRow<T extends SpaceTable> = T['$inferSelect'];

/**
 * The where-clause for rows of the caller's space, and-ed with any further conditions
 * (undefined ones are skipped). Every query of a handler goes through this or one of
 * the helpers below, so no handler spells its own space filter and none can forget it.
 *
 * @example
 * const rows = await ctx.db
 *   .select()
 *   .from(todos)
 *   .where(inSpace(todos, ctx, eq(todos.status, 'open')));
 */
export function inSpace(
  table: SpaceTable,
  ctx: Pick<ToolContext, 'spaceId'>,
  ...more: (SQL | undefined)[]
): SQL {
  return and(eq(table.spaceId, ctx.spaceId), ...more) as SQL;
}

/**
 * The where-clause for the one row with this id in the caller's space, and-ed with any
 * further conditions (for a change that only applies in a given state).
 *
 * @example
 * await ctx.db
 *   .update(goals)
 *   .set({ status: 'abandoned' })
 *   .where(idInSpace(goals, ctx, id, eq(goals.status, 'active')));
 */
export function idInSpace(
  table: SpaceTable,
  ctx: Pick<ToolContext, 'spaceId'>,
  id: string,
  ...more: (SQL | undefined)[]
): SQL {
  return inSpace(table, ctx, eq(table.id, id), ...more);
}

/**
 * Loads the row with this id from the caller's space, or throws `notFound(what, id)`
 * ("No <what> with id <id> in this space"): a row of another space is as missing as
 * one that never existed.
 *
 * @example
 * const goal = await oneInSpace(ctx, goals, input.goalId, 'goal');
 */
export async function oneInSpace<T extends SpaceTable>(
  ctx: ToolContext,
  table: T,
  id: string,
  what: string,
): Promise<SpaceRow<T>> {
  const [row] = (await ctx.db
    .select()
    .from(table as SpaceTable)
    .where(idInSpace(table, ctx, id))) as SpaceRow<T>[];
  if (!row) throw notFound(what, id);
  return row;
}

/**
 * Changes the row with this id in the caller's space and returns it as stored, or
 * throws `notFound(what, id)` when the space holds no such row.
 *
 * @example
 * const row = await updateInSpace(ctx, todos, id, 'todo', {
 *   status: 'open',
 *   updatedAt: ctx.now(),
 * });
 */
export async function updateInSpace<T extends SpaceTable>(
  ctx: ToolContext,
  table: T,
  id: string,
  what: string,
  set: PgUpdateSetSource<T>,
): Promise<SpaceRow<T>> {
  const [row] = (await ctx.db
    .update(table)
    .set(set)
    .where(idInSpace(table, ctx, id))
    .returning()) as SpaceRow<T>[];
  if (!row) throw notFound(what, id);
  return row;
}

/**
 * Deletes the row with this id from the caller's space and answers the way every
 * delete tool does, `{deleted: true, id}`; throws `notFound(what, id)` when the space
 * holds no such row.
 *
 * @example
 * handler: ({ id }, ctx) => deleteInSpace(ctx, todos, id, 'todo'),
 */
export async function deleteInSpace(
  ctx: ToolContext,
  table: SpaceTable,
  id: string,
  what: string,
): Promise<{ deleted: true; id: string }> {
  const rows = await ctx.db
    .delete(table)
    .where(idInSpace(table, ctx, id))
    .returning({ id: table.id });
  if (rows.length === 0) throw notFound(what, id);
  return { deleted: true, id };
}
