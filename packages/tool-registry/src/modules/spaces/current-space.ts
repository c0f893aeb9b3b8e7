import { members, organizations } from '@mana/db';
import { and, eq } from 'drizzle-orm';
import { ToolError } from '../../errors';
import type { ToolContext } from '../../tool-spec';
import { type SpaceRow, spaceColumns } from './shape';

/**
 * The current space joined with the caller's membership. A space the caller does not
 * belong to is reported as missing, so nothing about it leaks.
 */
export async function currentSpace(ctx: ToolContext): Promise<SpaceRow> {
  const [row] = await ctx.db
    .select(spaceColumns)
    .from(organizations)
    .innerJoin(
      members,
      and(eq(members.organizationId, organizations.id), eq(members.userId, ctx.userId)),
    )
    .where(eq(organizations.id, ctx.spaceId));
  if (!row) throw new ToolError('NOT_FOUND', `No space with id ${ctx.spaceId} that you belong to`);
  return row;
}

/** Better Auth stores several roles comma-separated, e.g. "admin,member". */
export const hasRole = (role: string, ...wanted: string[]) =>
  role.split(',').some((r) => wanted.includes(r.trim()));
