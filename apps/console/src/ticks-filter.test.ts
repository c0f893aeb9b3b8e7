import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';
import { NOW, SCENARIO, seedScenario } from './testing/scenario';

let f: ConsoleFixture;
let cookie: string;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await seedScenario(f.db);
  cookie = await f.signIn();
});
afterAll(() => f.close());

/** The tick ids the list shows for `query`. */
async function tickIds(query: string): Promise<string[]> {
  const response = await f.get(`/ticks${query}`, cookie);
  expect(response.status, query).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/data-testid="tick-item" data-tick-id="([^"]+)"/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('ticks list filters', () => {
  it('filters by persona (email or id), status, brain and model', async () => {
    const anna = await tickIds('?persona=persona.anna%40mana.test');
    expect(anna).toHaveLength(24);
    expect(anna.every((id) => id.startsWith('tick-anna-'))).toBe(true);
    expect(await tickIds(`?persona=${SCENARIO.marcus}&status=failed`)).toEqual([
      SCENARIO.failedTick,
    ]);
    expect(await tickIds('?brain=scripted&model=scripted-v1')).toHaveLength(49);
    expect(await tickIds('?brain=llm')).toEqual([]);
    // Empty form fields mean "any".
    expect(await tickIds('?persona=&brain=&model=&status=&from=&to=')).toHaveLength(49);
  });

  it('filters by start time (UTC) and keeps the filter in the form and the more link', async () => {
    const recent = await tickIds('?from=2026-03-14');
    expect(recent).toHaveLength(25);
    expect(recent.some((id) => id.includes('-b'))).toBe(false);
    const baseline = await tickIds('?to=2026-03-14T00:00');
    expect(baseline).toHaveLength(24);
    const html = await (await f.get('/ticks?persona=user-anna&limit=5', cookie)).text();
    expect(html).toContain('data-testid="tick-filter"');
    expect(html).toContain('value="user-anna"');
    expect(html).toContain('href="/ticks?persona=user-anna&amp;limit=10"');
  });

  it('refuses a bad filter with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?status=exploded', 'status'],
      ['?from=yesterday', 'from'],
      ['?limit=0', 'limit'],
    ] as const) {
      const response = await f.get(`/ticks${query}`, cookie);
      expect(response.status, query).toBe(400);
      expect(await response.text(), query).toContain(`Invalid query: ${field} (`);
    }
  });
});
