// The scripted persona checking its work against a gateway whose tools lie: does it
// notice, and does it blame the right call?
import { HEADERS } from '@mana/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LyingMode, lyingApp } from '../../testing/lying-app';
import { startTestStack, type TestStack } from '../../testing/stack-harness';
import type { DayContext, ToolCall } from '../types';
import { actionCount } from './day-planner';
import { dayRng } from './day-rng';
import { createScriptedBrain } from './index';

const DAY_1 = new Date('2026-11-10T09:00:00Z');
const UUID_PREFIX = /\(id [0-9a-f]{4}…\)/;

const app = lyingApp();
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ registry: app.registry });
});
afterAll(async () => {
  await stack?.close();
});

/**
 * Maya's days in the todo module only, careful (chaos 0), in the given mode, until she
 * has created at least `creates` todos. Days differ by date; the same seed lives the
 * same days.
 */
async function todoDays(mode: LyingMode, creates = 2, chaos = 0) {
  app.mode = mode;
  const all: ToolCall[][] = [];
  const days: DayContext[] = [];
  for (let d = 0; d < 20 && all.flat().filter(isCreate).length < creates; d++) {
    const { day, calls } = await stack.day('maya', {
      now: new Date(DAY_1.getTime() + d * 86_400_000 + modeOffset(mode)),
    });
    day.persona.traits = { chaos };
    day.persona.moduleMix = { todo: 1 };
    day.modules = ['todo'];
    day.gateway.headers[HEADERS.modules] = 'todo';
    await createScriptedBrain({ seed: 5 }).liveDay(day);
    all.push(calls);
    days.push(day);
  }
  return Object.assign(all, { days });
}

const isCreate = (c: ToolCall) => c.toolName === 'todo.create' && c.result === 'ok';

/** Each mode lives other hours, so their days do not collide in the same space. */
const modeOffset = (mode: LyingMode) =>
  ['honest', 'create-drops', 'create-mangles', 'recent-hides'].indexOf(mode) * 3_600_000;

/** The probes of the write at `index`, in order. */
const probesOf = (calls: readonly ToolCall[], index: number) =>
  calls.map((c, i) => ({ ...c, index: i })).filter((c) => c.checkOf === index);

describe('the scripted persona checks its writes', () => {
  it('in an honest app every check passes, each write judged by its first probe', async () => {
    const days = await todoDays('honest');
    let creates = 0;
    for (const calls of days) {
      calls.forEach((call, index) => {
        if (!isCreate(call)) return;
        creates++;
        const probes = probesOf(calls, index);
        expect(probes.map((p) => p.toolName)).toEqual(['todo.recent', 'todo.list']);
        expect(call.check).toEqual({ status: 'passed', by: probes[0]?.index });
        // Each probe's answer agreed with the write: a checked, passed read.
        for (const p of probes) {
          expect(p.result).toBe('ok');
          expect(p.check).toEqual({ status: 'passed', by: index });
        }
        // The probe asked for what the write answered.
        const title = (call.output as { todo: { title: string } }).todo.title;
        expect(probes[1]?.input).toEqual({ status: 'all', query: title });
      });
      expect(calls.some((c) => c.check?.status === 'failed')).toBe(false);
    }
    expect(creates).toBeGreaterThanOrEqual(2);
    // Checks come on top of the day's planned actions, which are as many as without them.
    days.forEach((calls, d) => {
      const day = days.days[d] as DayContext;
      const planned = calls.filter((c) => c.checkOf === undefined);
      expect(planned.length).toBe(actionCount(day.persona.archetype, dayRng(5, day, 'live')));
      expect(calls.map((c) => c.toolUseId)).toEqual(calls.map((_, i) => `scripted-${i + 1}`));
    });
  });

  it('notices a create that answers ok but stores nothing, and blames the write', async () => {
    const days = await todoDays('create-drops');
    const creates = days.flatMap((calls) =>
      calls.map((call, index) => ({ call, index, calls })).filter(({ call }) => isCreate(call)),
    );
    expect(creates.length).toBeGreaterThanOrEqual(2);
    for (const { call, index, calls } of creates) {
      const probes = probesOf(calls, index);
      expect(probes).toHaveLength(2);
      const title = (call.output as { todo: { title: string } }).todo.title;
      expect(call.check).toMatchObject({
        status: 'failed',
        by: probes[0]?.index,
        expected: expect.stringMatching(UUID_PREFIX),
      });
      expect(call.check?.expected).toBe(
        `a todo ${JSON.stringify(title.trim())} ${call.check?.expected?.match(UUID_PREFIX)?.[0]} in todo.recent`,
      );
      expect(call.check?.seen).toMatch(
        /^(not in the \d+ todos listed|not the one todo listed|no todos listed at all)$/,
      );
      // The reads told the truth: no verdict on them.
      for (const probe of probes) expect(probe.check).toBeUndefined();
    }
  });

  it('says what differed when the app stores something else than it answered', async () => {
    const days = await todoDays('create-mangles', 1);
    const [found] = days.flatMap((calls) =>
      calls.map((call, index) => ({ call, index })).filter(({ call }) => isCreate(call)),
    );
    if (!found) throw new Error('no todo was created');
    const title = (found.call.output as { todo: { title: string } }).todo.title.trim();
    expect(found.call.check).toMatchObject({
      status: 'failed',
      seen: `title ${JSON.stringify(title.slice(0, -1))}`,
    });
  });

  it('blames the read that left the new todo out when another read shows it', async () => {
    const days = await todoDays('recent-hides');
    let checked = 0;
    for (const calls of days) {
      calls.forEach((call, index) => {
        if (!isCreate(call)) return;
        checked++;
        const [recent, list] = probesOf(calls, index);
        expect(recent?.toolName).toBe('todo.recent');
        expect(list?.toolName).toBe('todo.list');
        expect(call.check).toEqual({ status: 'passed', by: list?.index });
        expect(recent?.check).toMatchObject({
          status: 'failed',
          by: list?.index,
          expected: expect.stringMatching(/^a todo ".+" \(id [0-9a-f]{4}…\) in todo\.recent$/),
          seen: expect.stringMatching(/^not (in the \d+ todos|the one todo) listed$|^no todos/),
        });
        expect(list?.check).toEqual({ status: 'passed', by: index });
      });
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('checks every write when careful, fewer when chaotic, and probes are extra calls', async () => {
    const careful = (await todoDays('honest', 6, 0)).flat();
    const chaotic = (await todoDays('honest', 6, 0.6)).flat();
    const share = (calls: ToolCall[]) => {
      const creates = calls.filter(isCreate);
      return creates.filter((c) => c.check !== undefined).length / creates.length;
    };
    expect(share(careful)).toBe(1);
    expect(chaotic.filter(isCreate).length).toBeGreaterThanOrEqual(3);
    expect(share(chaotic)).toBeLessThan(0.75);
    // Probes are named by the call they check and never planned: each follows its write.
    for (const calls of [careful, chaotic]) {
      for (const probe of calls.filter((c) => c.checkOf !== undefined)) {
        expect(probe.toolName === 'todo.recent' || probe.toolName === 'todo.list').toBe(true);
      }
    }
  }, 90_000);
});
