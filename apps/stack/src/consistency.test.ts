import { latestConsistencyRun } from '@mana/analytics';
import { createTestDatabase } from '@mana/db/testing';
import { createBrain } from '@mana/persona-runner';
import { afterAll, describe, expect, it } from 'vitest';
import { consistency } from './consistency';
import { storeConsistencyRun } from './consistency-store';

const START = new Date('2026-11-16T00:00:00Z'); // a Monday
const SECRETS = {
  serviceKey: 'consistency-test-service-key',
  authSecret: 'consistency-test-better-auth-secret-0123',
  seedSecret: 'consistency-test-seed-secret',
};

describe('simulate --repeat stores its run', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  // Two tries of a dozen persona-days each: seconds on a quiet box, a minute on a loaded one.
  it('lives the tries in throwaway databases, then writes the run and its rows to the configured one', async () => {
    const clock = [new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:02:00Z')];
    const result = await consistency({
      ...SECRETS,
      repeat: 2,
      // One simulated hour: every persona is due at the first (never active); the fewest
      // persona-days that still give each a rated day.
      days: 1 / 24,
      seed: 3,
      start: START,
      brain: () => {
        const brain = createBrain({ brain: 'scripted', scriptedSeed: 3, processEnv: {} });
        if (!brain) throw new Error('no scripted brain');
        return brain;
      },
      clock: () => clock.shift() ?? new Date(0),
    });
    expect(result.runs).toHaveLength(2);
    expect(result.run).toMatchObject({
      startedAt: '2026-12-01T10:00:00.000Z',
      finishedAt: '2026-12-01T10:02:00.000Z',
      k: 2,
      seed: 3,
      brain: 'scripted',
      simulatedFrom: START.toISOString(),
      simulatedTo: '2026-11-16T01:00:00.000Z',
      faults: null,
    });
    expect(result.run.personaCount).toBeGreaterThan(1);
    expect(result.run.personaDays).toBe(result.runs[0]?.personaDays);
    expect(result.run.rows.length).toBeGreaterThan(result.run.personaCount);

    const configured = await createTestDatabase();
    cleanups.push(() => configured.close());
    const id = await storeConsistencyRun(configured, result.run);
    const stored = await latestConsistencyRun(configured.db);
    expect(stored?.id).toBe(id);
    // The scripted brain is deterministic: the same days, the same ratings every try.
    expect(stored?.overall).toEqual(result.figures.overall);
    expect(stored?.overall.ratingSd).toBe(0);
    // Compared in one order: the database sorts by its collation, the figures by localeCompare.
    const key = (r: { persona: string; module: string }) => `${r.persona} ${r.module}`;
    const inOrder = <T extends { persona: string; module: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(inOrder(stored?.rows ?? [])).toEqual(inOrder(result.figures.rows));
  }, 180_000);
});
