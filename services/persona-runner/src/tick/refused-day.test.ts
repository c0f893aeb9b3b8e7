// Issue 11 item 4: a day no longer pings the gateway before its brain starts (a request,
// an account and membership read, ≈ 4 ms of CPU on every day). A token the gateway
// refuses still fails the day, at its first request, whatever the brain makes of it, and
// the next day gets a fresh token.
import { personaActions } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brain, DayContext } from '../brains/types';
import { connectGateway } from '../clients/gateway';
import { startTestStack, type TestStack } from '../testing/stack-harness';
import { testBrain } from '../testing/test-brain';
import type { TickResult } from './run-tick';

const DAY = 86_400_000;
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);

/** A fetch whose persona tokens, while `spoil` is on, are signed by no key of the service. */
function spoilingFetch() {
  const state = { spoil: true, mints: 0 };
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (!url.endsWith('/token')) return response;
    state.mints += 1;
    if (!state.spoil) return response;
    const body = (await response.json()) as { accessToken: string };
    const [header, payload] = body.accessToken.split('.');
    return Response.json({ ...body, accessToken: `${header}.${payload}.${'A'.repeat(86)}` });
  };
  return { state, fetch: wrapped };
}

/**
 * A brain that, like a model handed a tool error, shrugs off thrown calls and goes on;
 * with `badToken` its calls carry a token no key of the service signed.
 */
function shruggingBrain(): Brain & { attempts: number; badToken: boolean } {
  const brain = {
    name: 'scripted' as const,
    model: 'shrugging',
    attempts: 0,
    badToken: false,
    async liveDay(day: DayContext) {
      const headers = brain.badToken
        ? { ...day.gateway.headers, authorization: 'Bearer not-a-token' }
        : day.gateway.headers;
      const session = await connectGateway({ ...day.gateway, headers }, day.signal);
      for (let i = 0; i < 5 && !day.signal.aborted; i++) {
        brain.attempts += 1;
        await session.callTool('todo.list', { status: 'all', limit: 1 }).catch(() => undefined);
      }
      return { usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } };
    },
    async rateDay() {
      return { text: '[]', usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } };
    },
  };
  return brain;
}

describe('a day the gateway refuses', { timeout: 60_000 }, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  });
  afterAll(() => stack.close());

  const runner = (brain: Brain, fetchFn: typeof fetch) => stack.runner({ brain, fetch: fetchFn });

  it('fails at its first request, stores no call, and the next day mints a good token', async () => {
    const spoiling = spoilingFetch();
    const persona = runner(testBrain(), spoiling.fetch);
    const refused = (await persona.tick()) as TickResult;
    expect(refused.due).toBe(10);
    expect(refused.failed).toHaveLength(10);
    for (const day of refused.failed) {
      expect(day.error).toMatch(/gateway refused the persona's token or space.*INVALID_TOKEN/);
    }
    expect(await stack.db.select().from(personaActions)).toHaveLength(0);

    // A failed day forgot its token: the next day (past the failure back-off) mints anew.
    spoiling.state.spoil = false;
    now = new Date(now.getTime() + DAY);
    const lived = (await persona.tick()) as TickResult;
    expect(lived.failed).toEqual([]);
    expect(lived.ranSuccessfully).toBe(10);
    expect(spoiling.state.mints).toBe(20);
  });

  it('fails even when the brain shrugs the refusal off, and stops it at once', async () => {
    now = new Date(now.getTime() + DAY);
    const brain = shruggingBrain();
    const shrugging = runner(brain, fetch);
    // A good day first: the runner's shared client of the gateway exists.
    const good = (await shrugging.tick()) as TickResult;
    expect(good.failed).toEqual([]);
    expect(brain.attempts).toBe(5 * good.due);
    now = new Date(now.getTime() + DAY);
    brain.attempts = 0;
    brain.badToken = true;
    const result = (await shrugging.tick()) as TickResult;
    expect(result.due).toBeGreaterThan(0);
    expect(result.failed).toHaveLength(result.due);
    expect(result.failed[0]?.error).toMatch(/gateway refused the persona's token or space/);
    // One refused call per day, not the five the brain meant to make.
    expect(brain.attempts).toBe(result.due);
  });
});
