import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { ToolContext } from '../../tool-spec';
import { goals } from './table';

/** Where-clause for one goal of the caller's space. */
export const goalWhere = (id: string, ctx: ToolContext) =>
  and(eq(goals.id, id), eq(goals.spaceId, ctx.spaceId));

/** Loads one goal of the caller's space, or fails with NOT_FOUND. */
export async function findGoal(id: string, ctx: ToolContext) {
  const [row] = await ctx.db.select().from(goals).where(goalWhere(id, ctx));
  if (!row) throw notFound('goal', id);
  return row;
}
