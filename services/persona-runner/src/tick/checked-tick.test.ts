// A whole tick against an app whose todo.create lies: the stored rows carry the
// personas' verdicts, and the next tick plans from the coverage the first one left.
import { personaActions } from '@mana/db';
import { silentLogger } from '@mana/http';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptedBrain } from '../brains/scripted';
import type { Brain, DayContext } from '../brains/types';
import { lyingApp } from '../testing/lying-app';
import { startTestStack, type TestStack } from '../testing/stack-harness';
import { fetchCoverage } from './coverage';

let now = new Date('2026-11-25T09:00:00Z'); // a Wednesday: every cadence is due
const clock = () => new Date(now);

describe('a tick in an app that lies', () => {
  const app = lyingApp();
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ registry: app.registry, clock });
  });
  afterAll(() => stack?.close());

  const runner = (brain: Brain) =>
    stack.runner({
      brain,
      runnerId: 'checks',
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });

  it('stores the failed check on the write and checkOf on its probes', async () => {
    app.mode = 'create-drops';
    const result = await runner(createScriptedBrain({ seed: 11 })).tick();
    if (!('tickId' in result)) throw new Error(`no tick: ${result.skipped}`);
    expect(result.failed).toEqual([]);
    const rows = await stack.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.toolName, 'todo.create'))
      .orderBy(asc(personaActions.id));
    const checked = rows.filter((r) => r.result === 'ok' && r.checkStatus !== null);
    expect(checked.length).toBeGreaterThan(0);
    for (const write of checked) {
      expect(write).toMatchObject({
        checkStatus: 'failed',
        outcome: 'check_failed',
        checkExpected: expect.stringMatching(/^a todo ".+" \(id [0-9a-f]{4}…\) in todo\.recent$/),
        checkSeen: expect.stringMatching(/^not |^no todos/),
      });
      const probes = await stack.db
        .select()
        .from(personaActions)
        .where(and(eq(personaActions.tickId, write.tickId), isNotNull(personaActions.checkOf)))
        .orderBy(asc(personaActions.seq));
      const mine = probes.filter((p) => p.checkOf === write.seq);
      expect(mine.map((p) => p.toolName)).toEqual(['todo.recent', 'todo.list']);
      expect(write.checkBy).toBe(mine[0]?.seq);
      for (const probe of mine) expect(probe).toMatchObject({ outcome: 'ok', checkStatus: null });
    }
    // Every failed call carries its kind.
    const errors = await stack.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.result, 'error'));
    for (const error of errors) expect(error.errorKind, error.errorMessage ?? '').not.toBeNull();
  });

  it('hands each day of the next tick the tools’ recent calls', async () => {
    now = new Date(now.getTime() + 25 * 3_600_000);
    const seen: ReadonlyMap<string, number>[] = [];
    const spy: Brain = {
      name: 'scripted',
      model: 'spy',
      async liveDay(day: DayContext) {
        seen.push(day.coverage);
        return {};
      },
      async rateDay() {
        return { text: '{"ratings":[]}' };
      },
    };
    const result = await runner(spy).tick();
    if (!('tickId' in result)) throw new Error(`no tick: ${result.skipped}`);
    expect(seen.length).toBe(result.due);
    expect(seen[0]?.get('todo.create')).toBeGreaterThan(0);
    expect(seen[0]?.get('todo.recent')).toBeGreaterThan(0);
    // One fetch per tick: every day gets the same map.
    expect(new Set(seen).size).toBe(1);
  });
});

describe('fetchCoverage', () => {
  it('answers an empty map, counts the error and never throws when the API fails', async () => {
    const errors: string[] = [];
    const coverage = await fetchCoverage(
      {
        coverage: async () => {
          throw new Error('down');
        },
      },
      silentLogger(),
      { error: (kind) => void errors.push(kind) },
    );
    expect(coverage.size).toBe(0);
    expect(errors).toEqual(['coverage']);
  });
});
