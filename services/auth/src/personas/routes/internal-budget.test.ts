import { personaTicks } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp, testClock } from '../../testing/test-app';

interface ClaimAnswer {
  personas: { userId: string }[];
  budget?: {
    day: string;
    spentUsd: number;
    costCapReached: boolean;
    personasAtTokenBudget: number;
    tokensToday: Record<string, number>;
  };
}
interface ErrorAnswer {
  error: { code: string; fields?: { path: string }[] };
}

// Issue 12 item 5: a per-persona daily token budget and a global daily cost cap, applied
// by the claim against the ticks stored today, so they hold across restarts and runners.
describe('budgets on the claim and cache tokens on the tick', () => {
  const clock = testClock('2026-11-23T12:00:00Z');
  let t: TestAuthApp;
  let heavy: string;
  let light: string;

  beforeAll(async () => {
    t = await createTestAuthApp({ clock });
    heavy = await t.createPersona({ email: 'heavy@mana.test', tickCadence: 'hourly' });
    light = await t.createPersona({ email: 'light@mana.test', tickCadence: 'hourly' });
  });
  afterAll(() => t.close());

  const claim = async (budget?: object): Promise<ClaimAnswer> => {
    const response = await t.service('POST', '/api/v1/internal/personas/claim', {
      runnerId: 'runner-b',
      limit: 10,
      leaseSeconds: 60,
      ...(budget ? { budget } : {}),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as ClaimAnswer;
    const ids = answer.personas.map((p) => p.userId);
    if (ids.length > 0) {
      await t.service('POST', '/api/v1/internal/personas/claims/release', {
        runnerId: 'runner-b',
        personaIds: ids,
      });
    }
    return answer;
  };
  const putTick = (personaId: string, tickId: string, body: object) =>
    t.service('PUT', `/api/v1/internal/personas/${personaId}/ticks/${tickId}`, {
      status: 'running',
      startedAt: clock().toISOString(),
      ...body,
    });

  it('stores cache reads and writes on the tick', async () => {
    const response = await putTick(heavy, 'tick-heavy-1', {
      inputTokens: 900,
      cacheReadTokens: 600,
      cacheWriteTokens: 200,
      outputTokens: 100,
      costUsd: 0.75,
    });
    expect(response.status).toBe(201);
    const [row] = await t.db.select().from(personaTicks).where(eq(personaTicks.id, 'tick-heavy-1'));
    expect(row).toMatchObject({ inputTokens: 900, cacheReadTokens: 600, cacheWriteTokens: 200 });
  });

  it.each([
    [{ cacheReadTokens: -1 }, 'cacheReadTokens'],
    [{ cacheWriteTokens: 2.5 }, 'cacheWriteTokens'],
    [{ inputTokens: 2 ** 31, cacheReadTokens: 2 ** 31 }, 'cacheReadTokens,inputTokens'],
    [{ cacheReadTokens: '5' }, 'cacheReadTokens'],
    [{ inputTokens: 10, cacheReadTokens: 8, cacheWriteTokens: 8 }, 'inputTokens'],
  ])('answers 400 naming the bad counter in %j, and writes nothing', async (counters, field) => {
    const response = await putTick(light, 'tick-bad', counters);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(field.split(','));
    expect(await t.db.select().from(personaTicks).where(eq(personaTicks.id, 'tick-bad'))).toEqual(
      [],
    );
  });

  it('answers 400 naming a bad budget', async () => {
    const response = await t.service('POST', '/api/v1/internal/personas/claim', {
      runnerId: 'runner-b',
      limit: 1,
      leaseSeconds: 60,
      budget: { personaDailyTokens: 0, dailyCostUsd: -1 },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual([
      'budget.dailyCostUsd',
      'budget.personaDailyTokens',
    ]);
  });

  it('holds back a persona at its token budget, and every persona past the cost cap, until the next UTC day', async () => {
    // heavy used 1,000 tokens today (tick-heavy-1); light none.
    const unbudgeted = await claim();
    expect(unbudgeted.budget).toBeUndefined();
    expect(unbudgeted.personas.map((p) => p.userId).sort()).toEqual([heavy, light].sort());

    const underBudget = await claim({ personaDailyTokens: 1001, dailyCostUsd: 1 });
    expect(underBudget.personas).toHaveLength(2);
    expect(underBudget.budget).toMatchObject({
      day: '2026-11-23',
      spentUsd: 0.75,
      costCapReached: false,
      personasAtTokenBudget: 0,
      tokensToday: { [heavy]: 1000 },
    });

    const atBudget = await claim({ personaDailyTokens: 1000 });
    expect(atBudget.personas.map((p) => p.userId)).toEqual([light]);
    expect(atBudget.budget?.personasAtTokenBudget).toBe(1);

    const capped = await claim({ dailyCostUsd: 0.75 });
    expect(capped.personas).toEqual([]);
    expect(capped.budget).toMatchObject({ spentUsd: 0.75, costCapReached: true });

    // A tick started yesterday does not count today.
    clock.set('2026-11-24T00:00:01Z');
    const nextDay = await claim({ personaDailyTokens: 1000, dailyCostUsd: 0.75 });
    expect(nextDay.personas).toHaveLength(2);
    expect(nextDay.budget).toMatchObject({ day: '2026-11-24', spentUsd: 0, costCapReached: false });
  });
});
