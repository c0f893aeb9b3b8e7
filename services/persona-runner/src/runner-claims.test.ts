import { HEADERS } from '@mana/contracts';
import { personaActions, personaTicks } from '@mana/db';
import { silentLogger } from '@mana/http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
// Each test lives ten persona days through the real services (a few seconds on a quiet
// machine); the bound is for a loaded one.
const SLOW = 120_000;

// Issue 11 item 1 / issue 10 "Also": two runners on one database each lived every due
// persona; a runner killed mid-day left its tick running for good. Issue 10 item 3: one
// refused write blocked a persona's later writes for good.
describe('several runners on one database: claims, leases, dead letters', { timeout: SLOW }, () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  });
  afterAll(() => stack.close());

  const runner = (runnerId: string, options: Partial<PersonaRunnerOptions> = {}) =>
    new PersonaRunner({
      authUrl: stack.auth.url,
      mcpUrl: stack.mcp.url,
      serviceKey: STACK_SERVICE_KEY,
      seedSecret: STACK_SEED_SECRET,
      brain: testBrain(),
      runnerId,
      concurrency: 2,
      personaTimeoutMs: 60_000,
      tickIntervalMs: 60_000,
      logger: silentLogger(),
      clock,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
      ...options,
    });
  const internal = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${stack.auth.url}/api/v1/internal${path}`, {
      method,
      headers: { [HEADERS.serviceKey]: STACK_SERVICE_KEY, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBeLessThan(300);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const livedBy = (result: TickResult) => result.personas.map((p) => p.personaId);

  it('two runners ticking at once live every due persona exactly once', async () => {
    const [a, b] = (await Promise.all([runner('r-a').tick(), runner('r-b').tick()])) as [
      TickResult,
      TickResult,
    ];
    const all = [...livedBy(a), ...livedBy(b)];
    expect(all).toHaveLength(10);
    expect(new Set(all).size).toBe(10);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    const ticks = await stack.db.select().from(personaTicks);
    expect(ticks.filter((t) => t.status === 'ok')).toHaveLength(10);
    expect(ticks.filter((t) => t.status === 'running')).toHaveLength(0);
  });

  it('a killed runner’s persona is lived by another once the lease expires; its tick is abandoned', async () => {
    now = new Date(now.getTime() + 25 * HOUR);
    // The "killed" runner claims one persona and starts its day, then never renews.
    const claim = await internal('POST', '/personas/claim', {
      runnerId: 'killed',
      limit: 1,
      leaseSeconds: 30,
    });
    const victim = (claim.personas as { userId: string }[])[0]?.userId as string;
    const deadTick = 'killed-20261126T100000Z-victim';
    await internal('PUT', `/personas/${victim}/ticks/${deadTick}`, {
      status: 'running',
      startedAt: clock().toISOString(),
      runnerId: 'killed',
    });
    const first = (await runner('r-a').tick()) as TickResult;
    expect(first.due).toBe(9);
    expect(livedBy(first)).not.toContain(victim);
    now = new Date(now.getTime() + 31_000);
    const second = (await runner('r-b').tick()) as TickResult;
    expect(livedBy(second)).toEqual([victim]);
    expect(second.failed).toEqual([]);
    const [old] = await stack.db.select().from(personaTicks).where(eq(personaTicks.id, deadTick));
    expect(old?.status).toBe('abandoned');
    const running = await stack.db
      .select()
      .from(personaTicks)
      .where(eq(personaTicks.status, 'running'));
    expect(running).toEqual([]);
  });

  it('a write refused for good goes to a dead letter; the persona’s later writes go on', async () => {
    now = new Date(now.getTime() + 25 * HOUR);
    // A real refusal: rows refuse unknown keys (400 naming them). The day write is refused
    // for its ratings, then sent as separate writes: only the ratings are refused again.
    const spoil: typeof fetch = async (input, init) => {
      const url = String(input);
      if (/\/(feedback|days\/[^/]+)$/.test(url) && typeof init?.body === 'string') {
        const body = JSON.parse(init.body) as { feedback: Record<string, unknown>[] };
        const feedback = body.feedback.map((row) => ({ ...row, mood: 'spoiled' }));
        return fetch(input, { ...init, body: JSON.stringify({ ...body, feedback }) });
      }
      return fetch(input, init);
    };
    const r = runner('r-dead', { fetch: spoil });
    const result = (await r.tick()) as TickResult;
    expect(result.due).toBe(10);
    expect(result.failed).toEqual([]);
    expect(r.pendingWrites).toBe(0);
    const someone = result.personas.find((p) => p.ratings > 0);
    const letters = (await internal('GET', `/dead-letters?personaId=${someone?.personaId}`)) as {
      deadLetters: { kind: string; status: number; reason: string; tickId: string }[];
    };
    expect(letters.deadLetters).toHaveLength(1);
    expect(letters.deadLetters[0]).toMatchObject({
      kind: 'feedback',
      status: 400,
      tickId: someone?.tickId,
    });
    expect(letters.deadLetters[0]?.reason).toContain('mood');
    const [tick] = await stack.db
      .select()
      .from(personaTicks)
      .where(eq(personaTicks.id, someone?.tickId as string));
    expect(tick?.status).toBe('ok');
    const actions = await stack.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.tickId, someone?.tickId as string));
    expect(actions).toHaveLength(someone?.actions ?? -1);
    const metrics = await r.metrics.registry.metrics();
    const counted = /persona_dead_letters_total\{kind="feedback"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(counted)).toBe(result.personas.filter((p) => p.ratings > 0).length);
  });

  // Issue 11 "Bad input and failure": two runners started with the same id (a copied
  // deployment) must still share the due personas, not both live them.
  it('two runners started with the same id live every due persona exactly once', async () => {
    // Friday after the tests above: on to Monday, when weekday personas are due too.
    now = new Date(now.getTime() + 72 * HOUR);
    const [one, two] = [testBrain(), testBrain()];
    const [a, b] = (await Promise.all([
      runner('twin', { brain: one }).tick(),
      runner('twin', { brain: two }).tick(),
    ])) as [TickResult, TickResult];
    const lived = [...one.days, ...two.days];
    expect(lived).toHaveLength(10);
    expect(new Set(lived).size).toBe(10);
    expect([...livedBy(a), ...livedBy(b)]).toHaveLength(10);
    expect([...a.failed, ...b.failed]).toEqual([]);
    const ticks = await stack.db.select().from(personaTicks);
    const twins = ticks.filter((t) => t.runnerId === 'twin');
    expect(twins.filter((t) => t.status === 'ok')).toHaveLength(10);
    expect(ticks.filter((t) => t.status === 'running')).toHaveLength(0);
    // Nothing is left claimed: both released exactly what each held.
    expect((await runner('twin').tick()) as TickResult).toMatchObject({ due: 0 });
  });
});
