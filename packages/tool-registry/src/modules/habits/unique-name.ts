import { ne, sql } from 'drizzle-orm';
import { ToolError } from '../../errors';
import { inSpace } from '../../space-scope';
import type { ToolContext } from '../../tool-spec';
import { habits } from './table';

/**
 * Habit names are unique in a space (ignoring case, archived habits included), so "log
 * Meditate" always means one habit. Throws CONFLICT naming the habit that holds the name.
 */
export async function assertNameFree(ctx: ToolContext, name: string, exceptId?: string) {
  const [clash] = await ctx.db
    .select({ id: habits.id, archived: habits.archived })
    .from(habits)
    .where(
      inSpace(
        habits,
        ctx,
        sql`lower(${habits.name}) = lower(${name})`,
        exceptId ? ne(habits.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (!clash) return;
  throw new ToolError(
    'CONFLICT',
    clash.archived
      ? `An archived habit named "${name}" exists (id ${clash.id}); unarchive it or choose another name`
      : `A habit named "${name}" exists already (id ${clash.id})`,
  );
}
