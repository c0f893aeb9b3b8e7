import { randomUUID } from 'node:crypto';
import type { SpaceType } from '@mana/contracts';
import { type Database, members, organizations, users } from '@mana/db';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';

/** A space as the caller sees it. */
export interface SpaceView {
  id: string;
  name: string;
  slug: string;
  type: SpaceType;
  role: string;
}

/** The slug of a user's personal space; unique because the user id is. */
export function personalSpaceSlug(userId: string): string {
  return `personal-${userId}`;
}

/**
 * Creates the user's personal space and owner membership unless they exist. Idempotent,
 * so it also mends an account whose space creation was interrupted.
 */
export async function ensurePersonalSpace(
  db: Database,
  user: { id: string; name: string },
): Promise<string> {
  const slug = personalSpaceSlug(user.id);
  await db
    .insert(organizations)
    .values({ id: randomUUID(), name: user.name, slug, type: 'personal' })
    .onConflictDoNothing({ target: organizations.slug });
  const [space] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!space) throw new Error(`personal space ${slug} vanished`);
  await db
    .insert(members)
    .values({ id: randomUUID(), organizationId: space.id, userId: user.id, role: 'owner' })
    .onConflictDoNothing();
  return space.id;
}

/** Every space the user belongs to, personal first. */
export async function listUserSpaces(db: Database, userId: string): Promise<SpaceView[]> {
  return (await spacesOfUsers(db, [userId])).get(userId) ?? [];
}

/**
 * Every space of each of these users, personal first, in one query (a claim hands the
 * runner its personas' spaces with them). A user without spaces has no entry.
 */
export async function spacesOfUsers(
  db: Database,
  userIds: readonly string[],
): Promise<Map<string, SpaceView[]>> {
  const byUser = new Map<string, SpaceView[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: members.userId,
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      type: organizations.type,
      role: members.role,
    })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(inArray(members.userId, [...userIds]))
    .orderBy(
      sql`${organizations.type} <> 'personal'`,
      asc(organizations.createdAt),
      asc(organizations.id),
    );
  for (const { userId, ...space } of rows) {
    const list = byUser.get(userId);
    if (list) list.push(space);
    else byUser.set(userId, [space]);
  }
  return byUser;
}

/** A member of a shared space, named by email. */
export interface SpaceMemberInput {
  email: string;
  role: 'owner' | 'admin' | 'member';
}

/** What {@link putSharedSpace} did. */
export interface PutSpaceResult {
  space: { id: string; slug: string; name: string; type: SpaceType };
  created: boolean;
  changed: boolean;
  members: { userId: string; email: string; role: string }[];
}

/** Raised when members name emails that have no account. */
export class UnknownMembersError extends Error {
  constructor(readonly emails: string[]) {
    super(`No account for: ${emails.join(', ')}`);
    this.name = 'UnknownMembersError';
  }
}

/**
 * Creates or updates a shared space by slug so that its name, type and member set are
 * exactly the given ones. Running it twice with the same input changes nothing.
 */
export async function putSharedSpace(
  db: Database,
  input: {
    slug: string;
    name: string;
    type: Exclude<SpaceType, 'personal'>;
    members: SpaceMemberInput[];
  },
): Promise<PutSpaceResult> {
  return db.transaction(async (tx) => {
    const emails = input.members.map((m) => m.email.toLowerCase());
    const found = emails.length
      ? await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(users.email, emails))
      : [];
    const byEmail = new Map(found.map((u) => [u.email.toLowerCase(), u.id]));
    const missing = emails.filter((e) => !byEmail.has(e));
    if (missing.length > 0) throw new UnknownMembersError(missing);

    let created = false;
    let changed = false;
    const [existing] = await tx
      .select()
      .from(organizations)
      .where(eq(organizations.slug, input.slug));
    let spaceId: string;
    if (!existing) {
      spaceId = randomUUID();
      await tx
        .insert(organizations)
        .values({ id: spaceId, name: input.name, slug: input.slug, type: input.type });
      created = true;
    } else {
      if (existing.type === 'personal') throw new PersonalSpaceError(input.slug);
      spaceId = existing.id;
      if (existing.name !== input.name || existing.type !== input.type) {
        await tx
          .update(organizations)
          .set({ name: input.name, type: input.type })
          .where(eq(organizations.id, spaceId));
        changed = true;
      }
    }

    const current = await tx
      .select({ userId: members.userId, role: members.role })
      .from(members)
      .where(eq(members.organizationId, spaceId));
    const currentRole = new Map(current.map((m) => [m.userId, m.role]));
    const wanted = input.members.map((m) => ({
      userId: byEmail.get(m.email.toLowerCase()) as string,
      email: m.email.toLowerCase(),
      role: m.role,
    }));
    for (const member of wanted) {
      const role = currentRole.get(member.userId);
      if (role === member.role) continue;
      changed = true;
      if (role === undefined) {
        await tx.insert(members).values({
          id: randomUUID(),
          organizationId: spaceId,
          userId: member.userId,
          role: member.role,
        });
      } else {
        await tx
          .update(members)
          .set({ role: member.role })
          .where(and(eq(members.organizationId, spaceId), eq(members.userId, member.userId)));
      }
    }
    const keep = wanted.map((m) => m.userId);
    if (current.some((m) => !keep.includes(m.userId))) {
      changed = true;
      await tx
        .delete(members)
        .where(
          keep.length
            ? and(eq(members.organizationId, spaceId), notInArray(members.userId, keep))
            : eq(members.organizationId, spaceId),
        );
    }
    return {
      space: { id: spaceId, slug: input.slug, name: input.name, type: input.type },
      created,
      changed: created || changed,
      members: wanted,
    };
  });
}

/** Raised when a shared-space request names a personal space's slug. */
export class PersonalSpaceError extends Error {
  constructor(readonly slug: string) {
    super(`Space ${slug} is a personal space and cannot be managed as a shared one`);
    this.name = 'PersonalSpaceError';
  }
}
