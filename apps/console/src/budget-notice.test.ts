import { personaTicks } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleFixture, createConsoleFixture } from './testing/console-fixture';
import { insertPersona, insertTick } from './testing/seed';

const NOW = new Date('2026-03-20T12:00:00Z');

// Issue 12 item 5: the console says when a daily budget holds persona-days back.
describe('the overview’s budget notice', () => {
  let f: ConsoleFixture;
  let cookie: string;
  beforeAll(async () => {
    f = await createConsoleFixture({
      now: () => NOW,
      budget: { dailyCostUsd: 0.5, personaDailyTokens: 1000 },
    });
    await insertPersona(f.db, { id: 'p-anna', name: 'Anna' });
    await insertPersona(f.db, { id: 'p-ben', name: 'Ben' });
    await insertTick(f.db, { id: 'tick-anna', personaId: 'p-anna', at: NOW });
    await insertTick(f.db, { id: 'tick-ben', personaId: 'p-ben', at: NOW });
    // Yesterday's tick counts toward nothing today.
    await insertTick(f.db, {
      id: 'tick-old',
      personaId: 'p-ben',
      at: new Date('2026-03-19T12:00:00Z'),
    });
    const spend = {
      inputTokens: 900,
      cacheReadTokens: 600,
      cacheWriteTokens: 100,
      outputTokens: 100,
    };
    await f.db
      .update(personaTicks)
      .set({ ...spend, costUsd: 0.2 })
      .where(eq(personaTicks.id, 'tick-anna'));
    await f.db
      .update(personaTicks)
      .set({ inputTokens: 50, costUsd: 0.1 })
      .where(eq(personaTicks.id, 'tick-ben'));
    await f.db
      .update(personaTicks)
      .set({ inputTokens: 5000, costUsd: 9 })
      .where(eq(personaTicks.id, 'tick-old'));
    cookie = await f.signIn();
  });
  afterAll(() => f.close());

  const notice = async () => {
    const html = await (await f.get('/', cookie)).text();
    return /<section class="([^"]*)" data-testid="budget-notice"[^>]*>(.*?)<\/section>/s.exec(html);
  };

  it('shows today’s spend and a visible notice for a persona at its token budget', async () => {
    const [, cls, text] = (await notice()) ?? [];
    expect(cls).toBe('budget reached');
    expect(text).toContain('1 persona reached the daily token budget (1,000)');
    expect(text).toContain('Spent today (2026-03-20 UTC): $0.3000 of $0.5000');
    expect(text).toContain('1,050 tokens in 2 ticks (cache read 600, written 100)');
    expect(text).not.toContain('cost cap reached');
  });

  it('says the cost cap stops new persona-days once it is reached', async () => {
    await f.db.update(personaTicks).set({ costUsd: 0.4 }).where(eq(personaTicks.id, 'tick-ben'));
    const [, , text] = (await notice()) ?? [];
    expect(text).toContain('Daily cost cap reached: $0.6000 of $0.5000 today');
    expect(text).toContain('start no more persona-days');
  });
});
