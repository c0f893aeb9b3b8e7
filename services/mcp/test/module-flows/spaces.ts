import { organizations } from '@mana/db';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { FlowContext, Item } from './flow-context';

/**
 * The spaces module through the gateway:
 * list → current → members → rename, personal and shared.
 */
export function spacesFlow(ctx: FlowContext): void {
  const { call } = ctx;

  it('list → current → members → rename, personal and shared', async () => {
    const { harness: h, personalId, familyId, annaFamily, benFamily } = ctx.world;
    const listed = await call<{ spaces: Item[]; count: number }>('spaces.list');
    expect(listed.count).toBe(2);
    expect(listed.spaces.find((s) => s.id === personalId)).toMatchObject({
      type: 'personal',
      role: 'owner',
      current: true,
    });
    expect(listed.spaces.find((s) => s.id === familyId)).toMatchObject({
      type: 'family',
      current: false,
    });

    const personal = await call<{ space: Item }>('spaces.current');
    expect(personal.space).toMatchObject({ id: personalId, type: 'personal', memberCount: 1 });
    const shared = await call<{ space: Item }>('spaces.current', {}, annaFamily);
    expect(shared.space).toMatchObject({ id: familyId, current: true, memberCount: 2 });

    const members = await call<{ members: Item[]; count: number }>(
      'spaces.members',
      {},
      annaFamily,
    );
    expect(members.count).toBe(2);
    expect(members.members.map((m) => [m.name, m.you]).sort()).toEqual([
      ['anna', true],
      ['ben', false],
    ]);

    const renamed = await call<{ space: Item }>(
      'spaces.rename',
      { name: 'Anna & Ben' },
      annaFamily,
    );
    expect(renamed.space).toMatchObject({ id: familyId, name: 'Anna & Ben', current: true });
    const [row] = await h.db
      .select({ name: organizations.name, type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, familyId));
    expect(row).toEqual({ name: 'Anna & Ben', type: 'family' });
    // The other member sees the new name through his own connection.
    const seenByBen = await call<{ space: Item }>('spaces.current', {}, benFamily);
    expect(seenByBen.space).toMatchObject({ name: 'Anna & Ben', memberCount: 2 });
  });
}
