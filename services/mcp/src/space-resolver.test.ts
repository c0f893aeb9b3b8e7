import { type DatabaseHandle, members, organizations, users } from '@mana/db';
import { createTestDatabase, testDatabaseTarget } from '@mana/db/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpaceResolver, type SpaceResolver } from './space-resolver';

describe('createSpaceResolver: memberships read on every call', () => {
  let handle: DatabaseHandle;
  let spaces: SpaceResolver;

  const account = async (id: string) => {
    await handle.db.insert(users).values({ id, name: id, email: `${id}@mana.test` });
    await handle.db
      .insert(organizations)
      .values({ id: `${id}-home`, name: id, slug: `${id}-home`, type: 'personal' });
    await handle.db
      .insert(members)
      .values({ id: `${id}-m`, organizationId: `${id}-home`, userId: id, role: 'owner' });
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    spaces = createSpaceResolver(handle.db);
    await account('anna');
    await account("o'hara");
    await handle.db
      .insert(organizations)
      .values({ id: 'family', name: 'family', slug: 'family', type: 'family' });
  });
  afterAll(() => handle.close());

  it('sees a membership added or removed on the very next call (revocation stays immediate)', async () => {
    expect(await spaces.spacesOf('anna')).toEqual([
      { id: 'anna-home', type: 'personal', role: 'owner' },
    ]);
    await handle.db
      .insert(members)
      .values({ id: 'anna-family', organizationId: 'family', userId: 'anna', role: 'member' });
    expect(await spaces.spacesOf('anna')).toEqual(
      expect.arrayContaining([{ id: 'family', type: 'family', role: 'member' }]),
    );
    await handle.db
      .delete(members)
      .where(and(eq(members.userId, 'anna'), eq(members.organizationId, 'family')));
    expect(await spaces.spacesOf('anna')).toEqual([
      { id: 'anna-home', type: 'personal', role: 'owner' },
    ]);
  });

  it('answers null for an unknown account and for one deleted since the last call', async () => {
    expect(await spaces.spacesOf('nobody')).toBeNull();
    await account('cleo');
    expect(await spaces.spacesOf('cleo')).toHaveLength(1);
    await handle.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, 'cleo'));
    expect(await spaces.spacesOf('cleo')).toBeNull();
  });

  it('answers an id that cannot be inlined as a literal through the parametrised query', async () => {
    expect(await spaces.spacesOf("o'hara")).toEqual([
      { id: "o'hara-home", type: 'personal', role: 'owner' },
    ]);
    expect(await spaces.spacesOf("anna' or true --")).toBeNull();
  });

  it.runIf(testDatabaseTarget() === 'pglite')(
    'runs as a server-side prepared statement on PGlite, prepared again once dropped',
    async () => {
      await spaces.spacesOf('anna');
      const prepared = async () =>
        (
          (await handle.db.execute(
            sql`select name from pg_prepared_statements where name like 'gateway_spaces_of_%'`,
          )) as unknown as { rows: unknown[] }
        ).rows.length;
      expect(await prepared()).toBe(1);
      await handle.db.execute(sql`deallocate all`);
      expect(await prepared()).toBe(0);
      expect(await spaces.spacesOf('anna')).toEqual([
        { id: 'anna-home', type: 'personal', role: 'owner' },
      ]);
      expect(await prepared()).toBe(1);
    },
  );
});
