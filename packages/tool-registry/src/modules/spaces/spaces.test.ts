import { randomUUID } from 'node:crypto';
import { members, organizations, users } from '@mana/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import type { ToolContext } from '../../tool-spec';
import { spacesCurrent } from './current';
import { spacesList } from './list';
import { spacesMembers } from './members';
import { spacesRename } from './rename';

describe('spaces module', () => {
  let bed: ToolTestBed;
  /** A space the test bed's user does not belong to. */
  let spaceC: string;
  let inC: ToolContext;
  let zoe: string;
  beforeAll(async () => {
    bed = await createToolTestBed();
    zoe = randomUUID();
    spaceC = randomUUID();
    await bed.db.insert(users).values({ id: zoe, name: 'Zoe', email: `zoe-${zoe}@mana.test` });
    await bed.db
      .insert(organizations)
      .values({ id: spaceC, name: 'Zoe’s Team', slug: `c-${spaceC}`, type: 'team' });
    await bed.db.insert(members).values([
      { id: randomUUID(), organizationId: bed.spaceA, userId: bed.userId, role: 'owner' },
      { id: randomUUID(), organizationId: bed.spaceA, userId: zoe, role: 'admin' },
      { id: randomUUID(), organizationId: bed.spaceB, userId: bed.userId, role: 'member' },
      { id: randomUUID(), organizationId: spaceC, userId: zoe, role: 'owner' },
    ]);
    inC = { ...bed.a, spaceId: spaceC };
  });
  afterAll(() => bed.close());

  it('lists only the caller’s spaces with their role, marking the current one', async () => {
    const { spaces, count } = await bed.call(spacesList, {});
    expect(count).toBe(2);
    expect(spaces).toEqual([
      expect.objectContaining({
        id: bed.spaceA,
        name: 'Space A',
        type: 'personal',
        role: 'owner',
        current: true,
      }),
      expect.objectContaining({
        id: bed.spaceB,
        name: 'Space B',
        type: 'family',
        role: 'member',
        current: false,
      }),
    ]);
    const fromB = await bed.call(spacesList, {}, bed.b);
    expect(fromB.spaces.map((s: { id: string; current: boolean }) => [s.id, s.current])).toEqual([
      [bed.spaceA, false],
      [bed.spaceB, true],
    ]);
    const fromC = await bed.call(spacesList, {}, inC);
    expect(fromC.spaces.map((s: { id: string }) => s.id)).toEqual([bed.spaceA, bed.spaceB]);
  });

  it('shows the current space with its member count', async () => {
    expect((await bed.call(spacesCurrent, {})).space).toMatchObject({
      id: bed.spaceA,
      name: 'Space A',
      type: 'personal',
      role: 'owner',
      current: true,
      memberCount: 2,
    });
    expect((await bed.call(spacesCurrent, {}, bed.b)).space).toMatchObject({
      id: bed.spaceB,
      role: 'member',
      memberCount: 1,
    });
  });

  it('lists members with names and roles but no emails', async () => {
    const { members: list, count } = await bed.call(spacesMembers, {});
    expect(count).toBe(2);
    expect(list).toEqual([
      { userId: bed.userId, name: 'Tess', role: 'owner', you: true, joinedAt: expect.any(String) },
      { userId: zoe, name: 'Zoe', role: 'admin', you: false, joinedAt: expect.any(String) },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/@mana\.test/);
    expect((await bed.call(spacesMembers, {}, bed.b)).members).toHaveLength(1);
  });

  it('lets an owner or admin rename the space, and no one else', async () => {
    const renamed = await bed.call(spacesRename, { name: 'Tess privat' });
    expect(renamed.space).toMatchObject({ id: bed.spaceA, name: 'Tess privat', role: 'owner' });
    const [a] = await bed.db.select().from(organizations).where(eq(organizations.id, bed.spaceA));
    expect(a?.name).toBe('Tess privat');

    expect(await bed.fail(spacesRename, { name: 'Mine now' }, bed.b)).toMatchObject({
      kind: 'tool_error',
      code: 'FORBIDDEN',
      message: 'Only an owner or admin can rename "Space B"; your role is member',
    });
    const [b] = await bed.db.select().from(organizations).where(eq(organizations.id, bed.spaceB));
    expect(b?.name).toBe('Space B');

    await bed.db
      .update(members)
      .set({ role: 'member,admin' })
      .where(and(eq(members.organizationId, bed.spaceB), eq(members.userId, bed.userId)));
    expect((await bed.call(spacesRename, { name: 'Familie' }, bed.b)).space.name).toBe('Familie');

    expect(await bed.fail(spacesRename, { name: '  ' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'name' }],
    });
  });

  it('reveals nothing about a space the caller is not a member of', async () => {
    for (const tool of [spacesCurrent, spacesMembers]) {
      expect(await bed.fail(tool, {}, inC)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No space with id ${spaceC} that you belong to`,
      });
    }
    expect(await bed.fail(spacesRename, { name: 'Taken over' }, inC)).toMatchObject({
      code: 'NOT_FOUND',
    });
    const [c] = await bed.db.select().from(organizations).where(eq(organizations.id, spaceC));
    expect(c?.name).toBe('Zoe’s Team');
    expect(spacesRename.policyHint).toBe('write');
  });
});
