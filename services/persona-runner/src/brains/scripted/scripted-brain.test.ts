import { createAppRegistry } from '@mana/tool-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../../testing/stack-harness';
import { modulesOf } from '../../tick/modules-of';
import type { ToolCall } from '../types';
import { createScriptedBrain } from './index';

/** Days before the real clock, so backdated check-ins never lie in the server's future. */
const DAY_1 = new Date('2026-11-10T09:00:00Z');
const dayAfter = (n: number) => new Date(DAY_1.getTime() + n * 86_400_000);

/** The modules the app registry serves today; personas only see these through the gateway. */
const SERVED = new Set(
  createAppRegistry()
    .exposed()
    .map((t) => t.module),
);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Every uuid in a value, in order. */
const uuidsIn = (value: unknown): string[] => JSON.stringify(value ?? null).match(UUID) ?? [];

/**
 * The day as tool names and inputs, with each server-issued uuid replaced by the order in
 * which it first came back in an output (the server's ids are random per database).
 */
function normalized(calls: readonly ToolCall[]) {
  const refs = new Map<string, string>();
  return calls.map((call) => {
    const input = JSON.stringify(call.input).replace(UUID, (id) => refs.get(id) ?? id);
    for (const id of uuidsIn(call.output)) if (!refs.has(id)) refs.set(id, `<ref ${refs.size}>`);
    return { tool: call.toolName, input: JSON.parse(input) as unknown };
  });
}

/** Calls whose input holds an id that an earlier call of the same day got back. */
function reusingCalls(calls: readonly ToolCall[]): ToolCall[] {
  const returned = new Set<string>();
  const reusing: ToolCall[] = [];
  for (const call of calls) {
    if (uuidsIn(call.input).some((id) => returned.has(id))) reusing.push(call);
    for (const id of uuidsIn(call.output)) returned.add(id);
  }
  return reusing;
}

let stack: TestStack;
let fresh: TestStack;

beforeAll(async () => {
  [stack, fresh] = await Promise.all([startTestStack(), startTestStack()]);
});

afterAll(async () => {
  await Promise.all([stack?.close(), fresh?.close()]);
});

async function live(
  on: TestStack,
  name: string,
  options: { seed?: number; now?: Date; chaos?: number; signal?: AbortSignal } = {},
) {
  const { day, calls } = await on.day(name, { now: options.now ?? DAY_1, signal: options.signal });
  if (options.chaos !== undefined) day.persona.traits = { chaos: options.chaos };
  const result = await createScriptedBrain({ seed: options.seed ?? 1 }).liveDay(day);
  return { day, calls, result };
}

describe('scripted brain, living a day against the real gateway', () => {
  it('lives the same day on two fresh databases for the same seed', async () => {
    const a = await live(stack, 'anna', { seed: 7 });
    const b = await live(fresh, 'anna', { seed: 7 });
    expect(a.calls.length).toBeGreaterThan(0);
    expect(normalized(b.calls)).toEqual(normalized(a.calls));
    expect(a.calls.map((c) => c.result)).toEqual(b.calls.map((c) => c.result));
  });

  it('lives a different day for a different seed', async () => {
    const one = await live(stack, 'maya', { seed: 1, now: dayAfter(1) });
    const two = await live(fresh, 'maya', { seed: 2, now: dayAfter(1) });
    expect(normalized(two.calls)).not.toEqual(normalized(one.calls));
  });

  it("makes calls for every catalog persona, only to its own modules' tools", async () => {
    for (const entry of stack.catalog.personas) {
      const name = entry.name.toLowerCase();
      const { calls, result, day } = await live(stack, name, { now: dayAfter(2) });
      const own = new Set(modulesOf(entry));
      const served = [...own].some((m) => SERVED.has(m));
      if (served) expect(calls.length, name).toBeGreaterThan(0);
      else expect(calls, `${name} has no served module`).toEqual([]);
      for (const call of calls) {
        expect(own.has(call.module), `${name} called ${call.toolName}`).toBe(true);
        expect(call.toolName.startsWith(`${call.module}.`)).toBe(true);
      }
      expect(calls.map((c) => c.toolUseId)).toEqual(calls.map((_, i) => `scripted-${i + 1}`));
      expect(result).toEqual({ usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 } });
      expect(day.persona.email).toBe(entry.email);
    }
  });

  it('with chaos 0 makes only valid calls over several days and writes on ids it got back', async () => {
    const all: ToolCall[] = [];
    const reusing: ToolCall[] = [];
    for (const { name } of stack.catalog.personas) {
      for (let d = 3; d < 6; d++) {
        const { calls } = await live(stack, name.toLowerCase(), { now: dayAfter(d), chaos: 0 });
        all.push(...calls);
        reusing.push(...reusingCalls(calls));
      }
    }
    const errors = all.filter((c) => c.result === 'error');
    expect(errors.map((e) => `${e.toolName}: ${e.errorMessage}`)).toEqual([]);
    expect(all.length).toBeGreaterThan(10);
    expect(reusing.length).toBeGreaterThan(0);
    for (const call of all) {
      expect(call.latencyMs).toBeGreaterThan(0);
      expect(call.output).toBeDefined();
    }
    // Writes acted on ids the app returned: at least one is a write, not only a re-read.
    expect(reusing.some((c) => !/\.(get|list|search)/.test(c.toolName))).toBe(true);
  }, 90_000);

  it('with high chaos gets errors back and records them with their messages', async () => {
    const calls: ToolCall[] = [];
    for (let d = 6; d < 8; d++) {
      calls.push(...(await live(stack, 'maya', { now: dayAfter(d), chaos: 0.9 })).calls);
    }
    const errors = calls.filter((c) => c.result === 'error');
    expect(errors.length).toBeGreaterThan(calls.length / 3);
    for (const error of errors) {
      expect(error.errorMessage?.length).toBeGreaterThan(0);
      expect(error.output).toBeUndefined();
    }
  });

  it('makes no call and rejects when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { day, calls } = await stack.day('anna', { now: DAY_1, signal: controller.signal });
    await expect(createScriptedBrain({ seed: 1 }).liveDay(day)).rejects.toThrow();
    expect(calls).toEqual([]);
  });

  it('stops between calls once aborted, keeping the calls made so far', async () => {
    const controller = new AbortController();
    const { day, calls } = await stack.day('maya', { now: dayAfter(9), signal: controller.signal });
    day.persona.traits = { chaos: 0 };
    const record = day.record;
    day.record = (call) => {
      const index = record(call);
      controller.abort(new Error('tick timed out'));
      return index;
    };
    await expect(createScriptedBrain({ seed: 1 }).liveDay(day)).rejects.toThrow('tick timed out');
    expect(calls).toHaveLength(1);
  });
});
