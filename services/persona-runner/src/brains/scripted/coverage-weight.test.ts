import { describe, expect, it } from 'vitest';
import type { GatewayTool } from '../../clients/gateway';
import { coverageFactors } from './coverage-weight';
import { DayPlanner } from './day-planner';
import { IdPool } from './id-pool';
import { createRng } from './prng';
import { profileTool } from './tool-profile';
import { createVoice } from './voice';

const uuid = { type: 'string', format: 'uuid' };
const tool = (name: string, readOnly: boolean, input: object): GatewayTool => ({
  name,
  module: 'notes',
  description: '',
  readOnly,
  inputSchema: { type: 'object', ...input },
  outputSchema: {
    type: 'object',
    properties: { note: { type: 'object', properties: { id: { type: 'string' } } } },
  },
});
const TOOLS = [
  tool('notes.list', true, { properties: { limit: { type: 'integer', minimum: 1, maximum: 50 } } }),
  tool('notes.create', false, {
    properties: { title: { type: 'string', minLength: 1, maxLength: 80 } },
    required: ['title'],
  }),
  tool('notes.update', false, {
    properties: { id: uuid, title: { type: 'string', minLength: 1, maxLength: 80 } },
    required: ['id'],
  }),
  tool('notes.archive', false, { properties: { id: uuid }, required: ['id'] }),
].map(profileTool);
const NOTE = { id: '3f2a9c1e-0000-4000-8000-000000000001', title: 'Ideas', archived: false };

/** The first calls of a day for a seed, the list it surveys answering one note. */
function plan(seed: number, coverage?: ReadonlyMap<string, number>, calls = 4): string[] {
  const planner = new DayPlanner({
    tools: TOOLS,
    moduleMix: { notes: 1 },
    chaos: 0,
    rng: createRng('coverage-test', seed),
    pool: new IdPool(),
    now: new Date('2026-11-20T09:00:00Z'),
    voice: createVoice({ locale: 'en', archetype: 'solo-dev' }),
    ...(coverage ? { coverage } : {}),
  });
  const made: string[] = [];
  for (let i = 0; i < calls; i++) {
    const next = planner.next();
    if (!next) break;
    made.push(`${next.profile.name} ${JSON.stringify(next.input)}`);
    planner.observe('notes', { notes: [NOTE] });
  }
  return made;
}

describe('coverageFactors', () => {
  it('is (1 + median) / (1 + calls), clamped to [0.25, 4]', () => {
    const names = ['a', 'b', 'c', 'd'];
    const factors = coverageFactors(
      names,
      new Map([
        ['a', 9],
        ['b', 9],
        ['c', 3],
        ['d', 1000],
      ]),
    );
    // median of 9, 9, 3, 1000 is 9
    expect(Object.fromEntries(factors)).toEqual({ a: 1, b: 1, c: 2.5, d: 0.25 });
    expect(
      coverageFactors(
        ['a', 'b', 'c'],
        new Map([
          ['a', 40],
          ['b', 40],
        ]),
      ).get('c'),
    ).toBe(4);
  });

  it('is exactly 1 everywhere without coverage, so plans stay what they were', () => {
    expect([...coverageFactors(['a', 'b'], new Map()).values()]).toEqual([1, 1]);
    expect(plan(3, new Map())).toEqual(plan(3));
  });
});

describe('coverage-aware day plans', () => {
  const archives = (coverage?: ReadonlyMap<string, number>) => {
    let count = 0;
    for (let seed = 0; seed < 300; seed++) {
      count += plan(seed, coverage, 2).filter((c) => c.startsWith('notes.archive')).length;
    }
    return count;
  };

  it('prefers a tool nobody called lately', () => {
    const busy = new Map([
      ['notes.list', 120],
      ['notes.create', 90],
      ['notes.update', 100],
    ]);
    const without = archives();
    const withCoverage = archives(busy);
    expect(without).toBeGreaterThan(0);
    expect(withCoverage).toBeGreaterThan(2 * without);
  });

  it('plans the same day for the same seed and the same coverage', () => {
    const coverage = new Map([
      ['notes.create', 12],
      ['notes.archive', 0],
      ['notes.update', 40],
    ]);
    for (const seed of [1, 2, 3]) {
      expect(plan(seed, new Map(coverage))).toEqual(plan(seed, coverage));
      expect(plan(seed, coverage).length).toBe(4);
    }
  });
});
