import type { SpaceType } from '@mana/contracts';
import { type Database, members, organizations, users } from '@mana/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { pgliteStatement } from './pglite-statement';

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
  const select = db
    .select({
      id: organizations.id,
      type: organizations.type,
      role: members.role,
    })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .where(and(eq(users.id, sql.placeholder('userId')), isNull(users.deletedAt)));
  // Built once: the query builder costs more CPU than the indexed lookup itself. On
  // PGlite the same SQL runs as a server-side prepared statement (see pgliteStatement).
  const query = select.prepare('gateway_spaces_of');
  const onPglite = pgliteStatement(db, 'gateway_spaces_of', select.toSQL().sql);
  const rowsOf = async (userId: string): Promise<SpaceRow[]> => {
    const rows = await onPglite?.run(userId);
    if (!rows) return query.execute({ userId });
    return rows.map(([id, type, role]) => ({ id, type, role }) as SpaceRow);
  };
  return {
    /** The user's spaces, or null when the account does not exist or was deleted. */
    async spacesOf(userId: string): Promise<CallerSpace[] | null> {
      const rows = await rowsOf(userId);
      if (rows.length === 0) return null;
      return rows
        .filter((r) => r.id !== null)
        .map((r) => ({ id: r.id as string, type: r.type as SpaceType, role: r.role as string }));
    },
  };
}

/** A row of the membership query: all null for an account that belongs to no space. */
interface SpaceRow {
  id: string | null;
  type: SpaceType | null;
  role: string | null;
}

export type SpaceResolver = ReturnType<typeof createSpaceResolver>;
