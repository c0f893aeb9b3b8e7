import { HEADERS } from '@mana/contracts';
import { personaTicks } from '@mana/db';
import { startFakeAnthropic } from '@mana/fake-anthropic';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmBrain } from './brains/llm';
import { PersonaRunner, type PersonaRunnerOptions } from './runner';
import {
  STACK_SEED_SECRET,
  STACK_SERVICE_KEY,
  startTestStack,
  type TestStack,
} from './testing/stack-harness';
import { testBrain } from './testing/test-brain';
import type { TickResult } from './tick/run-tick';

const HOUR = 3_600_000;
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);
const SLOW = 120_000;
// The test brain's day: 15 + 5 tokens and $0.0011 (its live and rating turns).
const DAY_TOKENS = 20;
const DAY_COST = 0.0011;

// Issue 12 item 5: a per-persona daily token budget and a global daily cost cap stop new
// persona-days, read from the stored ticks of today, with a log line and metrics.
describe('daily budgets and cache tokens in the runner', { timeout: SLOW }, () => {
  let stack: TestStack;
  const lines: { msg: string; [key: string]: unknown }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  });
  afterAll(() => stack.close());

  const runner = (options: Partial<PersonaRunnerOptions>) =>
    new PersonaRunner({
      authUrl: stack.auth.url,
      mcpUrl: stack.mcp.url,
      serviceKey: STACK_SERVICE_KEY,
      seedSecret: STACK_SEED_SECRET,
      brain: testBrain(),
      runnerId: 'r-budget',
      concurrency: 1,
      personaTimeoutMs: 60_000,
      tickIntervalMs: 60_000,
      logger,
      clock,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      ...options,
    });
  const dueCount = async () => {
    const response = await fetch(`${stack.auth.url}/api/v1/internal/personas/due`, {
      headers: { [HEADERS.serviceKey]: STACK_SERVICE_KEY },
    });
    return ((await response.json()) as { personas: unknown[] }).personas.length;
  };
  const metric = async (r: PersonaRunner, name: string) => {
    const text = await r.metrics.registry.metrics();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return line === undefined ? undefined : Number(line.split(' ')[1]);
  };
  const said = (text: string) => lines.filter((l) => l.msg.includes(text));

  it('the cost cap reached mid-tick starts no more persona-days; the rest stay due, not failed, also after a restart', async () => {
    // Three days cost 0.0033: the third reaches the cap, and the tick stops there.
    const budget = { dailyCostUsd: 3 * DAY_COST - 0.0001 };
    const first = runner({ budget });
    const result = (await first.tick()) as TickResult;
    expect(result.due).toBe(3);
    expect(result.failed).toEqual([]);
    expect(result.costCapReached).toBe(true);
    expect(await dueCount()).toBe(7);
    expect(said('daily cost cap reached')).toHaveLength(1);
    expect(await metric(first, 'persona_runner_budget_reached{budget="daily_cost"}')).toBe(1);
    expect(await metric(first, 'persona_budget_stops_total{budget="daily_cost"}')).toBe(1);
    expect(await metric(first, 'persona_runner_spent_today_usd')).toBeCloseTo(3 * DAY_COST, 6);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks.map((t) => t.status)).toEqual(['ok', 'ok', 'ok']);

    // A restarted runner reads today's spend from the database: nothing starts.
    now = new Date(now.getTime() + 2 * HOUR);
    const restarted = runner({ budget });
    const again = (await restarted.tick()) as TickResult;
    expect(again.due).toBe(0);
    expect(again.costCapReached).toBe(true);
    expect(said('daily cost cap reached')).toHaveLength(2);
    expect(await metric(restarted, 'persona_runner_spent_today_usd')).toBeCloseTo(3 * DAY_COST, 6);

    // The next UTC day the cap starts from zero.
    now = new Date('2026-11-26T09:00:00Z');
    const nextDay = (await restarted.tick()) as TickResult;
    expect(nextDay.due).toBe(3);
    expect(await metric(restarted, 'persona_runner_budget_reached{budget="daily_cost"}')).toBe(1);
  });

  it('a persona whose day reaches its token budget finishes that day, then is not claimed again today', async () => {
    now = new Date('2026-11-28T09:00:00Z'); // a Saturday: the six not on weekdays are due
    const budget = { personaDailyTokens: 2 * DAY_TOKENS - 1 };
    const r = runner({ budget, concurrency: 3 });
    const first = (await r.tick()) as TickResult;
    expect(first.due).toBe(6);
    expect(said('reached its daily token budget')).toHaveLength(0);

    // The two hourly personas are due again: their second day takes them past the budget
    // mid-day; the day is finished and stored ok.
    now = new Date(now.getTime() + HOUR + 60_000);
    const second = (await r.tick()) as TickResult;
    expect(second.due).toBe(2);
    expect(second.failed).toEqual([]);
    expect(second.personas.every((p) => p.tokens === DAY_TOKENS)).toBe(true);
    const crossed = said('reached its daily token budget');
    expect(crossed.map((l) => l.personaId).sort()).toEqual(
      second.personas.map((p) => p.personaId).sort(),
    );
    expect(crossed[0]).toMatchObject({ tokensToday: 2 * DAY_TOKENS, budgetTokens: 39 });
    expect(await metric(r, 'persona_budget_stops_total{budget="persona_tokens"}')).toBe(2);

    // An hour later they are due by their cadence, but held back by the budget.
    now = new Date(now.getTime() + HOUR + 60_000);
    expect(await dueCount()).toBe(2);
    const third = (await r.tick()) as TickResult;
    expect(third.due).toBe(0);
    expect(third.costCapReached).toBe(false);
    expect(await metric(r, 'persona_runner_personas_at_token_budget')).toBe(2);
    expect(await metric(r, 'persona_runner_budget_reached{budget="persona_tokens"}')).toBe(1);
  });

  it('the llm brain against the fake Anthropic API: cache tokens land on the tick, priced as cache', async () => {
    now = new Date('2026-11-29T09:00:00Z'); // a Sunday: six personas are due
    const fake = await startFakeAnthropic({ promptCache: true });
    try {
      // One tool call, then done; the rating turn (no tools) answers no ratings.
      fake.script((req) =>
        !req.hasTools
          ? { text: '{"ratings":[]}' }
          : req.toolResults.length === 0
            ? { toolUses: [{ name: req.toolNames[0] ?? 'report_check', input: {} }] }
            : { text: 'Fertig.' },
      );
      const brain = createLlmBrain({
        model: { provider: 'anthropic', modelId: 'claude-sonnet-4-5' },
        apiKey: 'sk-ant-fake',
        baseUrl: `${fake.url}/v1`,
      });
      const result = (await runner({ brain, concurrency: 3 }).tick()) as TickResult;
      expect(result.due).toBe(6);
      expect(result.failed).toEqual([]);
      const ticks = (await stack.db.select().from(personaTicks)).filter(
        (t) => t.startedAt.getTime() >= now.getTime(),
      );
      expect(ticks).toHaveLength(6);
      for (const tick of ticks) {
        // Two live turns (the first writes tools + system, the second reads them) and the
        // uncached rating turn, 10 plain input and 5 output tokens each.
        const cached = tick.cacheWriteTokens ?? 0;
        expect(cached).toBeGreaterThan(100);
        expect(tick).toMatchObject({
          model: 'anthropic:claude-sonnet-4-5',
          cacheReadTokens: cached,
          inputTokens: 30 + 2 * cached,
          outputTokens: 15,
        });
        // claude-sonnet-4-5 list prices per million: 3 in, 15 out, 0.3 cache read, 3.75 write.
        expect(tick.costUsd).toBeCloseTo((30 * 3 + cached * (0.3 + 3.75) + 15 * 15) / 1e6, 12);
      }
    } finally {
      await fake.close();
    }
  });
});
