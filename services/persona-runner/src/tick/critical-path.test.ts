import { personaTicks } from '@mana/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../brains/types';
import { startTestStack, type TestStack } from '../testing/stack-harness';
import { testBrain } from '../testing/test-brain';
import type { TickResult } from './run-tick';

const DAY = 86_400_000;
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);

/** A fetch that holds the first request `hold` picks until `release()`, and tells of it. */
function holdingFetch(hold: (method: string, url: string, body: string) => boolean) {
  let armed = true;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held: () => void = () => {};
  const heldNow = new Promise<void>((resolve) => {
    held = resolve;
  });
  const watchers: { request: RegExp; resolve(): void }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = init?.method ?? 'GET';
    const request = `${method} ${new URL(url).pathname}`;
    for (const w of watchers.filter((w) => w.request.test(request))) w.resolve();
    if (armed && hold(method, url, typeof init?.body === 'string' ? init.body : '')) {
      armed = false;
      held();
      await gate;
    }
    return fetch(input, init);
  };
  /** Resolves once a request matching `request` (`METHOD /path`) is sent. */
  const sent = (request: RegExp) =>
    new Promise<void>((resolve) => watchers.push({ request, resolve }));
  return { fetch: wrapped, heldNow, release, sent };
}

/** The brain, telling when its `n`th day starts. */
function countingBrain(inner: Brain) {
  const watchers: { n: number; resolve(): void }[] = [];
  let started = 0;
  const brain: Brain = {
    ...inner,
    liveDay(day) {
      started++;
      for (const w of watchers.filter((w) => w.n <= started)) w.resolve();
      return inner.liveDay(day);
    },
  };
  const dayStarted = (n: number) =>
    started >= n
      ? Promise.resolve()
      : new Promise<void>((resolve) => watchers.push({ n, resolve }));
  return { brain, dayStarted, started: () => started };
}

// Issue 12 item 3: the tick took 1.26× the ideal pool time; part of it was per-day work
// the next model turn waited for, one round trip after another.
describe('what a persona-day no longer waits for', { timeout: 60_000 }, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  });
  afterAll(() => stack.close());

  const runner = (brain: Brain, fetchFn: typeof fetch) =>
    stack.runner({ brain, fetch: fetchFn, concurrency: 1 });

  it('a lane starts its next persona while the last day is still being stored', async () => {
    await stack.db.delete(personaTicks);
    // Hold the first finished day's write (its record, actions and ratings in one request).
    const gate = holdingFetch((method, url) => method === 'PUT' && url.includes('/days/'));
    const { brain, dayStarted } = countingBrain(testBrain());
    const ticking = runner(brain, gate.fetch).tick();
    await gate.heldNow;
    // One lane, its first day not stored yet: the second day starts all the same.
    await dayStarted(2);
    gate.release();
    const result = (await ticking) as TickResult;
    expect(result.due).toBe(10);
    expect(result.failed).toEqual([]);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks.filter((t) => t.status === 'ok')).toHaveLength(10);
  });

  it('a day gets its token while its running tick record is on its way', async () => {
    now = new Date(now.getTime() + 7 * DAY); // a Wednesday again: every persona due again
    await stack.db.delete(personaTicks);
    const gate = holdingFetch(
      (method, url, body) =>
        method === 'PUT' && url.includes('/ticks/') && body.includes('"running"'),
    );
    // The runner has the service key: a day's token is minted, not logged in for.
    const loggingIn = gate.sent(/^POST \/api\/v1\/internal\/personas\/[^/]+\/token$/);
    const { brain, started } = countingBrain(testBrain());
    const ticking = runner(brain, gate.fetch).tick();
    await gate.heldNow;
    await loggingIn;
    // The brain waits for both: no model turn before the day is on record.
    expect(started()).toBe(0);
    gate.release();
    const result = (await ticking) as TickResult;
    expect(result.failed).toEqual([]);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks.filter((t) => t.status === 'running')).toHaveLength(0);
    expect(ticks.filter((t) => t.status === 'ok')).toHaveLength(10);
  });
});
