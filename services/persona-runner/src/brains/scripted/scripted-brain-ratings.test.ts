import { type AnyToolSpec, createAppRegistry, ToolError, ToolRegistry } from '@mana/tool-registry';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseRatings } from '../../ratings/parse-ratings';
import { startTestStack, type TestStack } from '../../testing/stack-harness';
import { summarizeExperience } from '../../tick/experience';
import type { ToolCall } from '../types';
import { createScriptedBrain } from './index';

const DOWN = 'journal is down';
const down = async (): Promise<never> => {
  throw new ToolError('INVALID_STATE', DOWN);
};

/** The app's registry with every journal tool failing as if the module were down. */
function registryWithJournalDown(): ToolRegistry {
  const broken = (t: AnyToolSpec): AnyToolSpec => ({ ...t, handler: down });
  return new ToolRegistry(
    createAppRegistry()
      .list()
      .map((t) => (t.module === 'journal' ? broken(t) : t)),
  );
}

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ registry: registryWithJournalDown() });
});

afterAll(async () => {
  await stack?.close();
});

it('rates a module whose tools all fail at most 2 and below the others, citing the failure', async () => {
  const brain = createScriptedBrain({ seed: 3 });
  const calls: ToolCall[] = [];
  let last: Pick<Awaited<ReturnType<TestStack['day']>>, 'day' | 'calls'> | undefined;
  // Live days until Anna has used journal and some other module (deterministic per seed).
  for (let d = 0; d < 8; d++) {
    const { day, calls: today } = await stack.day('anna', {
      now: new Date(Date.parse('2026-11-12T09:00:00Z') + d * 86_400_000),
    });
    day.persona.traits = { chaos: 0 };
    await brain.liveDay(day);
    calls.push(...today);
    last = { day, calls: today };
    const modules = new Set(calls.map((c) => c.module));
    if (modules.has('journal') && modules.size > 1) break;
  }
  const experience = summarizeExperience(calls);
  const used = experience.map((m) => m.module);
  expect(used).toContain('journal');
  expect(used.length).toBeGreaterThan(1);
  expect(calls.filter((c) => c.module === 'journal').every((c) => c.result === 'error')).toBe(true);

  if (!last) throw new Error('no day was lived');
  const { text } = await brain.rateDay(last.day, experience);
  const ratings = parseRatings(text, used);
  expect(ratings.map((r) => r.module).sort()).toEqual([...used].sort());
  const journal = ratings.find((r) => r.module === 'journal');
  const others = ratings.filter((r) => r.module !== 'journal');
  expect(journal?.rating).toBeLessThanOrEqual(2);
  for (const other of others) expect(other.rating).toBeGreaterThan(journal?.rating ?? 5);
  expect(journal?.notes).toContain(DOWN);
  expect(journal?.notes).toMatch(/journal\.[a-z_]+ meldete/);
  // Anna writes German notes.
  expect(journal?.notes).toMatch(/Aufrufe?/);
});

it('rates slow modules down, citing the slowest call, when the stopwatch shows slowness', async () => {
  const brain = createScriptedBrain({ seed: 3 });
  const { day, calls } = await stack.day('marcus', { now: new Date('2026-11-12T09:00:00Z') });
  day.persona.traits = { chaos: 0 };
  // Every reading of the clock moves it 1.2 s on: each call takes over a second.
  let virtual = 0;
  day.stopwatch = () => {
    virtual += 1200;
    return performance.now() + virtual;
  };
  await brain.liveDay(day);
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.every((c) => c.result === 'ok' && c.latencyMs >= 1200)).toBe(true);

  const experience = summarizeExperience(calls);
  const used = experience.map((m) => m.module);
  const ratings = parseRatings((await brain.rateDay(day, experience)).text, used);
  expect(ratings).toHaveLength(used.length);
  for (const rating of ratings) {
    expect(rating.rating).toBeLessThanOrEqual(3);
    expect(rating.notes).toMatch(/Too slow: [a-z]+\.[a-z_]+ took \d{4,} ms/);
  }
});
