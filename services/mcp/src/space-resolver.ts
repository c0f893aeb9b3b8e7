import type { SpaceType } from '@mana/contracts';
import { type Database, members, organizations, users } from '@mana/db';
import { and, eq, isNull } from 'drizzle-orm';

/** A space the caller belongs to. */
export interface CallerSpace {
  id: string;
  type: SpaceType;
  role: string;
}

/**
 * Reads which spaces a user belongs to, from the shared database, with a short cache so
 * a burst of tool calls costs one query. A deleted account belongs to no space.
 */
export function createSpaceResolver(
  db: Database,
  options: { ttlMs?: number; now?: () => number } = {},
) {
  const ttl = options.ttlMs ?? 5_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; spaces: CallerSpace[] | null }>();

  async function load(userId: string): Promise<CallerSpace[] | null> {
    const rows = await db
      .select({
        id: organizations.id,
        type: organizations.type,
        role: members.role,
        deletedAt: users.deletedAt,
      })
      .from(users)
      .leftJoin(members, eq(members.userId, users.id))
      .leftJoin(organizations, eq(organizations.id, members.organizationId))
      .where(and(eq(users.id, userId), isNull(users.deletedAt)));
    if (rows.length === 0) return null;
    return rows
      .filter((r) => r.id !== null)
      .map((r) => ({ id: r.id as string, type: r.type as SpaceType, role: r.role as string }));
  }

  return {
    /** The user's spaces, or null when the account does not exist or was deleted. */
    async spacesOf(userId: string): Promise<CallerSpace[] | null> {
      const hit = cache.get(userId);
      if (hit && now() - hit.at < ttl) return hit.spaces;
      const spaces = await load(userId);
      if (cache.size > 10_000) cache.clear();
      cache.set(userId, { at: now(), spaces });
      return spaces;
    },
  };
}

export type SpaceResolver = ReturnType<typeof createSpaceResolver>;
