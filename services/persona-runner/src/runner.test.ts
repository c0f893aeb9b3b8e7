import { HEADERS, runTickId } from '@mana/contracts';
import { personaActions, personaFeedback, personaTicks } from '@mana/db';
import { silentLogger } from '@mana/http';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonaRunner, type PersonaRunnerOptions } from './runner';
import {
  STACK_SEED_SECRET,
  STACK_SERVICE_KEY,
  startTestStack,
  type TestStack,
} from './testing/stack-harness';
import { type TestBehaviour, testBrain } from './testing/test-brain';
import type { TickResult } from './tick/run-tick';

const MIN = 60_000;
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe('PersonaRunner against the real identity service and gateway', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  });
  afterAll(() => stack.close());

  const runner = (
    behaviours: Record<string, TestBehaviour> = {},
    options: Partial<PersonaRunnerOptions> = {},
  ) => {
    const brain = testBrain(behaviours);
    return {
      brain,
      runner: new PersonaRunner({
        authUrl: stack.auth.url,
        mcpUrl: stack.mcp.url,
        serviceKey: STACK_SERVICE_KEY,
        seedSecret: STACK_SEED_SECRET,
        brain,
        runnerId: 'test',
        concurrency: 2,
        personaTimeoutMs: 20_000,
        tickIntervalMs: 60_000,
        logger: silentLogger(),
        clock,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
        ...options,
      }),
    };
  };
  const email = (name: string) => `persona.${name}@mana.test`;
  const dueCount = async () => {
    const response = await fetch(`${stack.auth.url}/api/v1/internal/personas/due`, {
      headers: { [HEADERS.serviceKey]: STACK_SERVICE_KEY },
    });
    return ((await response.json()) as { personas: unknown[] }).personas.length;
  };
  const okTicks = async (runId: string) =>
    (await stack.db.select().from(personaTicks)).filter(
      (t) => t.id.startsWith(runId) && t.status === 'ok',
    ).length;
  const until = async (condition: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const ticksOf = async (personaEmail: string) => {
    const persona = stack.persona(personaEmail.split(/[.@]/)[1] as string);
    const { user } = await stack.login(persona.email);
    return stack.db
      .select()
      .from(personaTicks)
      .where(eq(personaTicks.personaId, user.id))
      .orderBy(asc(personaTicks.startedAt));
  };

  it('runs every due persona, stores actions, ratings and ticks; nobody is due right after', async () => {
    const writes: string[] = [];
    let releases = 0;
    const counting: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      const write = /\/personas\/[^/]+\/(actions|feedback|ticks|days)\b/.exec(path)?.[1];
      if (write) writes.push(write);
      if (path.endsWith('/claims/release')) releases += 1;
      return fetch(input, init);
    };
    const { runner: r, brain } = runner({ [email('maya')]: 'zero' }, { fetch: counting });
    const result = (await r.tick()) as TickResult;
    // Issue 11: a day is written twice, its running record and then the finished day.
    expect(writes.sort()).toEqual([...Array(10).fill('days'), ...Array(10).fill('ticks')]);
    // A good day gives its claim back with its write: no release request of its own.
    expect(releases).toBe(0);
    expect(result.due).toBe(10);
    expect(result.ranSuccessfully).toBe(10);
    expect(result.failed).toEqual([]);
    expect(result.tickId).toBe('test-20261125T090000Z');
    expect(brain.days).toHaveLength(10);

    const anna = result.personas.find((p) => p.email === email('anna'));
    expect(anna).toMatchObject({ status: 'ok', actions: 4, ratings: 4 });
    const actions = await stack.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.tickId, anna?.tickId ?? ''))
      .orderBy(asc(personaActions.seq));
    // Heaviest modules first, ties by name (modulesOf).
    expect(actions.map((a) => a.module)).toEqual(['journal', 'todo', 'mood', 'notes']);
    expect(actions[1]).toMatchObject({
      id: `${anna?.tickId}-1-todo.list`,
      result: 'ok',
      toolUseId: 'test-todo',
    });
    expect(actions[1]?.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const feedback = await stack.db
      .select()
      .from(personaFeedback)
      .where(eq(personaFeedback.tickId, anna?.tickId ?? ''));
    expect(feedback.map((f) => [f.module, f.rating]).sort()).toEqual([
      ['journal', 4],
      ['mood', 4],
      ['notes', 4],
      ['todo', 4],
    ]);
    const [tick] = await ticksOf(email('anna'));
    expect(tick).toMatchObject({
      status: 'ok',
      brain: 'scripted',
      model: 'test-brain',
      actionsCount: 4,
      inputTokens: 13,
      outputTokens: 7,
      runnerId: 'test',
    });
    expect(tick?.costUsd).toBeCloseTo(0.0011, 6);

    // Maya made no tool call: her day still counts, without ratings.
    expect(result.personas.find((p) => p.email === email('maya'))).toMatchObject({
      status: 'ok',
      actions: 0,
      ratings: 0,
    });
    advance(MIN);
    expect(((await r.tick()) as TickResult).due).toBe(0);
  });

  // Timeouts here are generous so that only the hanging persona reaches them, even on a
  // loaded machine; the hang itself costs that long.
  it('one persona throwing and one hanging past its timeout do not stop the others', async () => {
    advance(25 * 60 * MIN); // a day later: everyone is due again
    const { runner: r } = runner(
      { [email('ben')]: 'throw', [email('kai')]: 'hang' },
      { personaTimeoutMs: 6000 },
    );
    const result = (await r.tick()) as TickResult;
    expect(result.due).toBe(10);
    expect(result.ranSuccessfully).toBe(8);
    expect(result.failed.map((f) => f.email).sort()).toEqual([email('ben'), email('kai')]);
    expect(result.failed.find((f) => f.email === email('ben'))?.error).toBe(
      `brain exploded for ${email('ben')}`,
    );
    expect(result.failed.find((f) => f.email === email('kai'))?.error).toMatch(
      /timed out after 6000 ms/,
    );
    const kai = result.personas.find((p) => p.email === email('kai'));
    expect(kai).toMatchObject({ status: 'timeout', actions: 1 });
    // The call Kai made before hanging is stored.
    expect(
      await stack.db
        .select()
        .from(personaActions)
        .where(eq(personaActions.tickId, kai?.tickId ?? '')),
    ).toHaveLength(1);
    expect((await ticksOf(email('ben'))).at(-1)).toMatchObject({
      status: 'failed',
      error: `brain exploded for ${email('ben')}`,
    });

    // Ben failed without acting: he backs off 15 minutes, then is due again.
    advance(10 * MIN);
    const soon = (await runner().runner.tick()) as TickResult;
    expect(soon.personas.map((p) => p.email)).toEqual([]);
    advance(6 * MIN);
    const later = (await runner().runner.tick()) as TickResult;
    expect(later.personas.map((p) => p.email)).toEqual([email('ben')]);
  });

  it('never overlaps ticks, and pauses and resumes at run time', async () => {
    advance(25 * 60 * MIN);
    const { runner: r, brain } = runner(
      { [email('anna')]: 'hang' },
      { personaTimeoutMs: 6000, concurrency: 10 },
    );
    const first = r.tick();
    // Anna's day has begun (and hangs): the tick is in flight, however slow the machine.
    await brain.hanging;
    expect(r.inFlight).toBe(true);
    expect(await r.tick()).toEqual({ skipped: 'in_flight' });
    await first;
    r.pause();
    expect(await r.tick()).toEqual({ skipped: 'paused' });
    r.resume();
    expect('tickId' in (await r.tick())).toBe(true);
    const metrics = await r.metrics.registry.metrics();
    expect(metrics).toMatch(/persona_runner_ticks_total\{outcome="skipped_in_flight"\} 1/);
    expect(metrics).toMatch(/persona_runner_ticks_total\{outcome="skipped_paused"\} 1/);
    expect(metrics).toMatch(
      /persona_tool_calls_total\{module="todo",tool="todo.list",result="ok",outcome="ok"\} \d+/,
    );
    expect(metrics).toMatch(/persona_ticks_total\{status="timeout"\} 1/);
  });

  it('shutdown mid-tick keeps what was done, and a restart duplicates nothing', async () => {
    advance(25 * 60 * MIN);
    const { runner: r, brain } = runner(
      { [email('anna')]: 'hang' },
      { personaTimeoutMs: 60_000, concurrency: 10 },
    );
    const due = await dueCount();
    const runId = runTickId('test', clock());
    const tick = r.tick();
    await brain.hanging;
    // Stop only once everyone but Anna has stored a finished day, so the grace period
    // decides Anna's fate alone, however slow the machine is.
    await until(async () => (await okTicks(runId)) === due - 1);
    await r.stop(200);
    const result = (await tick) as TickResult;
    const anna = result.personas.find((p) => p.email === email('anna'));
    expect(anna).toMatchObject({
      status: 'failed',
      error: 'the runner is shutting down',
      actions: 1,
    });
    expect(result.ranSuccessfully).toBe(result.due - 1);
    const countRows = async () =>
      (await stack.db.select({ id: personaActions.id }).from(personaActions)).length;
    const rowsBefore = await countRows();

    // A new runner: those who lived their day are not due; Anna acted, so her day counts too.
    const restarted = runner().runner;
    advance(MIN);
    expect(((await restarted.tick()) as TickResult).due).toBe(0);
    expect(await countRows()).toBe(rowsBefore);
    const ids = (await stack.db.select({ id: personaActions.id }).from(personaActions)).map(
      (a) => a.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps writes the identity service refused in an outbox and delivers them next tick', async () => {
    advance(25 * 60 * MIN);
    let outage = false;
    const flaky: typeof fetch = async (input, init) => {
      if (outage && String(input).includes('/days/'))
        throw new TypeError('fetch failed (simulated outage)');
      return fetch(input, init);
    };
    const { runner: r } = runner({}, { fetch: flaky });
    outage = true;
    const result = (await r.tick()) as TickResult;
    expect(result.ranSuccessfully).toBe(0);
    expect(result.failed[0]?.error).toMatch(/storing the day failed \(kept for retry\)/);
    expect(r.pendingWrites).toBeGreaterThan(0);
    const tickIds = result.personas.map((p) => p.tickId);
    const feedbackFor = async () =>
      (await stack.db.select().from(personaFeedback)).filter((f) => tickIds.includes(f.tickId))
        .length;
    expect(await feedbackFor()).toBe(0);
    outage = false;
    advance(MIN);
    await r.tick();
    expect(r.pendingWrites).toBe(0);
    expect(await feedbackFor()).toBeGreaterThan(0);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks.filter((t) => tickIds.includes(t.id)).every((t) => t.status === 'ok')).toBe(true);
  });

  it('is disabled, saying why, without a service key or brain', () => {
    expect(runner({}, { serviceKey: '' }).runner.disabledReason).toMatch(/MANA_SERVICE_KEY/);
    expect(runner({}, { brain: undefined }).runner.disabledReason).toMatch(/ANTHROPIC_API_KEY/);
  });
});
