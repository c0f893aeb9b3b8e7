import type { SpaceType } from '@mana/contracts';
import { type Database, members, organizations, users } from '@mana/db';
import { and, eq, isNull, sql } from 'drizzle-orm';

/** A space the caller belongs to. */
export interface CallerSpace {
  id: string;
  type: SpaceType;
  role: string;
}

/**
 * Reads which spaces a user belongs to, from the shared database, on every request: a
 * removed member or a deleted account loses access on its next call (issue 10 item 6;
 * a cache of a few seconds let a revoked token keep writing). One query over indexed
 * columns (`users` by primary key, `members_user_id_idx`); see the README for its cost.
 * A deleted account belongs to no space.
 */
export function createSpaceResolver(db: Database) {
  // Built once: the query builder costs more CPU than the indexed lookup itself.
  const query = db
    .select({
      id: organizations.id,
      type: organizations.type,
      role: members.role,
    })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(users.id, sql.placeholder('userId')), isNull(users.deletedAt)))
    .prepare('gateway_spaces_of');
  return {
    /** The user's spaces, or null when the account does not exist or was deleted. */
    async spacesOf(userId: string): Promise<CallerSpace[] | null> {
      const rows = await query.execute({ userId });
      if (rows.length === 0) return null;
      return rows
        .filter((r) => r.id !== null)
        .map((r) => ({ id: r.id as string, type: r.type as SpaceType, role: r.role as string }));
    },
  };
}

export type SpaceResolver = ReturnType<typeof createSpaceResolver>;
