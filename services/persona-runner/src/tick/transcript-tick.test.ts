// Whole ticks that store transcripts: a bearer token a tool echoes never reaches the
// database, and the scripted brain's days show their inputs, outputs and rating turn.
import { personaActions, personaTranscripts } from '@mana/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedBrain } from '../brains/scripted';
import type { Brain, DayContext } from '../brains/types';
import { connectGateway } from '../clients/gateway';
import { startTestStack, type TestStack } from '../testing/stack-harness';

const SECRET = 'tok_9f8e7d6c5b4a3210fedcba';
let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);

/** A brain that creates a todo whose title carries a bearer token, which the app echoes. */
const leakyBrain: Brain = {
  name: 'scripted',
  model: 'leaky',
  async liveDay(day: DayContext) {
    if (!day.modules.includes('todo')) return {};
    day.transcript.turn('system', 'You are careless with credentials.');
    const session = await connectGateway(day.gateway, day.signal);
    try {
      const input = { title: `Call the bank, Authorization: Bearer ${SECRET}` };
      const result = await session.callTool('todo.create', input);
      day.record({
        toolName: 'todo.create',
        module: 'todo',
        input,
        result: result.ok ? 'ok' : 'error',
        ...(result.errorMessage ? { errorMessage: result.errorMessage } : {}),
        latencyMs: 1,
        ...(result.output !== undefined ? { output: result.output } : {}),
      });
    } finally {
      await session.close();
    }
    return {};
  },
  async rateDay(day, experience) {
    day.transcript.turn('user', 'Rate your day.');
    const ratings = experience.map((m) => ({ module: m.module, rating: 3, notes: 'fine' }));
    return { text: JSON.stringify({ ratings }) };
  },
};

describe('transcripts of a tick', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ clock });
  }, 180_000); // seeding the catalog is slow on a loaded machine
  afterAll(() => stack?.close());

  const runner = (brain: Brain) =>
    stack.runner({
      brain,
      runnerId: 'transcripts',
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });

  it('redacts a bearer token a tool echoed before it reaches the database', async () => {
    const result = await runner(leakyBrain).tick();
    if (!('tickId' in result)) throw new Error(`no tick: ${result.skipped}`);
    const rows = await stack.db.select().from(personaTranscripts);
    const withCalls = rows.filter((r) => r.entries.some((e) => e.role === 'tool_result'));
    expect(withCalls.length).toBeGreaterThan(0);
    for (const row of withCalls) {
      const answer = row.entries.find((e) => e.role === 'tool_result');
      // The tool really echoed it: the answer holds the title, with the token hidden.
      expect(answer?.text).toContain('Authorization: Bearer [redacted]');
      expect(row.entries.map((e) => `${e.phase}:${e.role}`)).toEqual([
        'day:system',
        'day:tool_call',
        'day:tool_result',
        'rating:user',
        'rating:assistant',
      ]);
    }
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(JSON.stringify(await stack.db.select().from(personaActions))).not.toContain(SECRET);
  }, 120_000);

  it('shows the scripted brain’s calls with their inputs and outputs, paired to the rows', async () => {
    now = new Date(now.getTime() + 25 * 3_600_000);
    const result = await runner(createScriptedBrain({ seed: 5 })).tick();
    if (!('tickId' in result)) throw new Error(`no tick: ${result.skipped}`);
    const [day] = result.personas.filter((p) => p.actions > 0);
    if (!day) throw new Error('no scripted day made a call');
    const [row] = await stack.db
      .select()
      .from(personaTranscripts)
      .where(eq(personaTranscripts.tickId, day.tickId));
    const actions = await stack.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.tickId, day.tickId))
      .orderBy(asc(personaActions.seq));
    const calls = row?.entries.filter((e) => e.role === 'tool_call') ?? [];
    const results = row?.entries.filter((e) => e.role === 'tool_result') ?? [];
    expect(calls.map((e) => [e.call, e.toolName])).toEqual(actions.map((a) => [a.seq, a.toolName]));
    expect(results.map((e) => e.isError === true)).toEqual(
      actions.map((a) => a.result === 'error'),
    );
    expect(calls.every((e) => e.text.startsWith('{'))).toBe(true);
    expect(row?.entries[0]).toMatchObject({ role: 'system', phase: 'day' });
    expect(row?.entries.filter((e) => e.phase === 'rating').map((e) => e.role)).toEqual([
      'user',
      'assistant',
    ]);
  }, 120_000);
});
