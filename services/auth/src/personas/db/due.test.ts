import { personas, personaTicks, users } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp, testClock } from '../../testing/test-app';

const HOUR = 3600_000;
const MIN = 60_000;

interface DueAnswer {
  personas: { userId: string; email: string; tickCadence: string; lastActiveAt: string | null }[];
  serverTime: string;
}

describe('GET /api/v1/internal/personas/due', () => {
  // Monday 2026-11-23 12:00 UTC.
  const clock = testClock('2026-11-23T12:00:00Z');
  let t: TestAuthApp;
  let seq = 0;

  beforeEach(async () => {
    await t?.close();
    t = await createTestAuthApp({ clock });
    clock.set('2026-11-23T12:00:00Z');
  });
  afterAll(() => t.close());

  const persona = (cadence: 'hourly' | 'daily' | 'weekdays', timezone = 'UTC') =>
    t.createPersona({ email: `p${++seq}@mana.test`, tickCadence: cadence, timezone });

  const setLastActive = (userId: string, at: Date | null) =>
    t.db.update(personas).set({ lastActiveAt: at }).where(eq(personas.userId, userId));

  const due = async (query = ''): Promise<DueAnswer> => {
    const response = await t.service('GET', `/api/v1/internal/personas/due${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as DueAnswer;
  };
  const dueIds = async () => (await due()).personas.map((p) => p.userId);

  it('answers the contract fields and the server time of the injected clock', async () => {
    const id = await persona('daily', 'Europe/Berlin');
    const answer = await due();
    expect(answer.serverTime).toBe('2026-11-23T12:00:00.000Z');
    expect(answer.personas).toEqual([
      {
        userId: id,
        email: `p${seq}@mana.test`,
        name: `p${seq}`,
        archetype: 'tester',
        systemPrompt: 'You are a test persona.',
        moduleMix: { todo: 1 },
        tickCadence: 'daily',
        locale: 'en',
        timezone: 'Europe/Berlin',
        traits: {},
        lastActiveAt: null,
      },
    ]);
  });

  it('hourly: due once an hour has passed since last activity', async () => {
    const id = await persona('hourly');
    await setLastActive(id, new Date(clock().getTime() - 59 * MIN));
    expect(await dueIds()).toEqual([]);
    clock.advance(MIN);
    expect(await dueIds()).toEqual([id]);
  });

  it('daily: due once 24 hours have passed, any day of the week', async () => {
    const id = await persona('daily');
    clock.set('2026-11-29T12:00:00Z'); // a Sunday
    await setLastActive(id, new Date(clock().getTime() - 23 * HOUR - 59 * MIN));
    expect(await dueIds()).toEqual([]);
    clock.advance(MIN);
    expect(await dueIds()).toEqual([id]);
  });

  it('weekdays: due after 24 hours, but only Monday to Friday', async () => {
    const id = await persona('weekdays');
    await setLastActive(id, new Date('2026-11-20T09:00:00Z')); // Friday
    clock.set('2026-11-21T10:00:00Z'); // Saturday
    expect(await dueIds()).toEqual([]);
    clock.set('2026-11-22T23:59:00Z'); // Sunday, last minute
    expect(await dueIds()).toEqual([]);
    clock.set('2026-11-23T00:00:00Z'); // Monday
    expect(await dueIds()).toEqual([id]);
    await setLastActive(id, new Date('2026-11-23T00:00:00Z'));
    clock.set('2026-11-23T23:00:00Z');
    expect(await dueIds()).toEqual([]);
  });

  it('weekdays: the weekday is the one in the persona’s timezone, across its midnight', async () => {
    const berlin = await persona('weekdays', 'Europe/Berlin');
    const utc = await persona('weekdays', 'UTC');
    const la = await persona('weekdays', 'America/Los_Angeles');
    // Sunday 23:30 UTC = Monday 00:30 in Berlin = Sunday 15:30 in Los Angeles.
    clock.set('2026-11-22T23:30:00Z');
    expect(await dueIds()).toEqual([berlin]);
    // Friday 23:30 UTC = Saturday 00:30 in Berlin = Friday 15:30 in Los Angeles.
    clock.set('2026-11-27T23:30:00Z');
    expect((await dueIds()).sort()).toEqual([utc, la].sort());
    // Saturday 07:30 UTC = Friday 23:30 in Los Angeles.
    clock.set('2026-11-28T07:30:00Z');
    expect(await dueIds()).toEqual([la]);
  });

  it('orders never-active personas first, then the longest idle, then the oldest', async () => {
    const a = await persona('hourly');
    const b = await persona('hourly');
    const c = await persona('hourly');
    const d = await persona('hourly');
    await setLastActive(a, new Date(clock().getTime() - 2 * HOUR));
    await setLastActive(c, new Date(clock().getTime() - 5 * HOUR));
    // b and d never acted: first, in creation order; then c (idle 5 h), then a (2 h).
    expect(await dueIds()).toEqual([b, d, c, a]);
    expect((await due('?limit=2')).personas.map((p) => p.userId)).toEqual([b, d]);
  });

  it('never lists deleted accounts', async () => {
    const kept = await persona('daily');
    const gone = await persona('daily');
    const response = await t.service('DELETE', `/api/v1/admin/personas/${gone}`);
    expect(response.status).toBe(200);
    expect(await dueIds()).toEqual([kept]);
    // Even with a deleted_at set directly and the persona long idle.
    await t.db.update(users).set({ deletedAt: clock() }).where(eq(users.id, kept));
    expect(await dueIds()).toEqual([]);
  });

  it('backs off 15 minutes after a failed or timed-out tick', async () => {
    const failed = await persona('daily');
    const timedOut = await persona('daily');
    const tick = (
      personaId: string,
      id: string,
      status: 'failed' | 'timeout' | 'ok',
      endedAgoMin: number,
    ) =>
      t.db.insert(personaTicks).values({
        id,
        personaId,
        status,
        startedAt: new Date(clock().getTime() - (endedAgoMin + 1) * MIN),
        finishedAt: new Date(clock().getTime() - endedAgoMin * MIN),
      });
    await tick(failed, 't-failed', 'failed', 1);
    await tick(timedOut, 't-timeout', 'timeout', 14);
    expect(await dueIds()).toEqual([]);
    clock.advance(MIN + 1);
    expect(await dueIds()).toEqual([timedOut]);
    clock.advance(13 * MIN);
    expect(await dueIds()).toEqual([failed, timedOut]);
  });

  it('a failure older than the latest good tick does not hold a persona back', async () => {
    const id = await persona('hourly');
    await t.db.insert(personaTicks).values([
      {
        id: 'old-fail',
        personaId: id,
        status: 'failed',
        startedAt: new Date(clock().getTime() - 70 * MIN),
        finishedAt: new Date(clock().getTime() - 69 * MIN),
      },
      {
        id: 'new-fail',
        personaId: id,
        status: 'failed',
        startedAt: new Date(clock().getTime() - 5 * MIN),
        finishedAt: new Date(clock().getTime() - 4 * MIN),
      },
    ]);
    expect(await dueIds()).toEqual([]);
    await t.db.insert(personaTicks).values({
      id: 'retry-ok',
      personaId: id,
      status: 'ok',
      startedAt: new Date(clock().getTime() - 3 * MIN),
      finishedAt: new Date(clock().getTime() - 2 * MIN),
    });
    expect(await dueIds()).toEqual([id]);
  });

  it('rejects a bad limit naming the field', async () => {
    const response = await t.service('GET', '/api/v1/internal/personas/due?limit=0');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('limit');
  });
});
