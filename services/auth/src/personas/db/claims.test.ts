import { personaTicks } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp, testClock } from '../../testing/test-app';

interface Claimed {
  personas: { userId: string }[];
  leaseUntil: string;
}

// Issue 11 item 1: two runners on one database each lived every due persona; a runner
// killed mid-day left its tick `running` for good.
describe('claims with leases (POST /api/v1/internal/personas/claim, claims/renew, claims/release)', () => {
  const clock = testClock('2026-11-23T12:00:00Z'); // a Monday
  let t: TestAuthApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestAuthApp({ clock });
    for (let i = 0; i < 6; i++) {
      ids.push(await t.createPersona({ email: `c${i}@mana.test`, tickCadence: 'daily' }));
    }
  });
  afterAll(() => t.close());

  const claim = async (runnerId: string, limit = 2, leaseSeconds = 60): Promise<string[]> => {
    const response = await t.service('POST', '/api/v1/internal/personas/claim', {
      runnerId,
      limit,
      leaseSeconds,
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as Claimed).personas.map((p) => p.userId);
  };
  const claims = async (what: 'renew' | 'release', runnerId: string, personaIds: string[]) => {
    const response = await t.service('POST', `/api/v1/internal/personas/claims/${what}`, {
      runnerId,
      personaIds,
      ...(what === 'renew' ? { leaseSeconds: 60 } : {}),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { personaIds: string[] }).personaIds;
  };
  const dueIds = async () => {
    const response = await t.service('GET', '/api/v1/internal/personas/due');
    return ((await response.json()) as Claimed).personas.map((p) => p.userId);
  };

  it('two runners claiming at once never get the same persona, and together get all', async () => {
    const a: string[] = [];
    const b: string[] = [];
    for (;;) {
      const [fromA, fromB] = await Promise.all([claim('runner-a'), claim('runner-b')]);
      a.push(...fromA);
      b.push(...fromB);
      if (fromA.length === 0 && fromB.length === 0) break;
    }
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    // Claimed personas with a live lease are not due for anyone.
    expect(await dueIds()).toEqual([]);
    // A runner renews and releases only its own claims.
    expect((await claims('renew', 'runner-a', [...a, ...b])).sort()).toEqual([...a].sort());
    expect(await claims('release', 'runner-a', b)).toEqual([]);
    expect((await claims('release', 'runner-a', a)).sort()).toEqual([...a].sort());
    expect((await dueIds()).sort()).toEqual([...a].sort());
    await claims('release', 'runner-b', b);
  });

  it('an expired lease is claimable again and the dead runner’s running tick becomes abandoned', async () => {
    const [victim] = await claim('dead-runner', 1);
    expect(victim).toBeDefined();
    const tickId = 'dead-runner-20261123T120000Z-c';
    const put = await t.service('PUT', `/api/v1/internal/personas/${victim}/ticks/${tickId}`, {
      status: 'running',
      startedAt: clock().toISOString(),
      runnerId: 'dead-runner',
    });
    expect(put.status).toBe(201);
    // Within the lease nobody else gets it.
    clock.advance(59_000);
    expect(await claim('live-runner', 10)).not.toContain(victim);
    await claims('release', 'live-runner', ids);
    // The dead runner never renews: past the lease the persona is due and claimable.
    clock.advance(2_000);
    expect(await claim('live-runner', 10)).toContain(victim);
    const [tick] = await t.db.select().from(personaTicks).where(eq(personaTicks.id, tickId));
    expect(tick?.status).toBe('abandoned');
    expect(tick?.error).toContain('dead-runner');
    expect(tick?.finishedAt?.toISOString()).toBe(clock().toISOString());
    // The runner that lost the lease learns so when it renews.
    expect(await claims('renew', 'dead-runner', [victim as string])).toEqual([]);
    await claims('release', 'live-runner', ids);
  });

  it('refuses a bad claim naming the field, and claims nothing', async () => {
    for (const [body, field] of [
      [{ runnerId: 'bad id!', limit: 1, leaseSeconds: 60 }, 'runnerId'],
      [{ runnerId: 'r', limit: 0, leaseSeconds: 60 }, 'limit'],
      [{ runnerId: 'r', limit: 1, leaseSeconds: 99_999 }, 'leaseSeconds'],
    ] as const) {
      const response = await t.service('POST', '/api/v1/internal/personas/claim', body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(field);
    }
    expect((await dueIds()).length).toBe(ids.length);
  });
});
