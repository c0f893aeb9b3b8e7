import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FaultInjector, formatFaults, InjectedFaultError, parseFaults } from './faults';
import { invokeTool } from './invoke';
import { ToolRegistry } from './registry';
import { type AnyToolSpec, defineTool, type ToolContext } from './tool-spec';

const tool = (module: string) =>
  defineTool({
    name: `${module}.ping`,
    module,
    description: 'Answers pong.',
    scope: 'user-space',
    policyHint: 'read',
    input: z.object({}),
    output: z.object({ pong: z.boolean() }),
    handler: async () => ({ pong: true }),
  });
const ctx = { now: () => new Date() } as ToolContext;

describe('fault drill', () => {
  it('parses and formats specs, naming bad parts', () => {
    expect(parseFaults('journal:errors=0.5,latency=800; todo:latency=300')).toEqual([
      { module: 'journal', errorRate: 0.5, latencyMs: 800 },
      { module: 'todo', errorRate: 0, latencyMs: 300 },
    ]);
    expect(parseFaults('')).toEqual([]);
    expect(parseFaults(undefined)).toEqual([]);
    expect(formatFaults(parseFaults('journal:errors=0.25'))).toBe('journal:errors=0.25,latency=0');
    expect(() => parseFaults('journal:errors=2')).toThrow(/errorRate/);
    expect(() => parseFaults('journal:speed=1')).toThrow(/unknown setting "speed"/);
    expect(() => parseFaults('Journal:errors=0.1')).toThrow(/module/);
  });

  it('fails about the given share of calls of that module only, the same calls for the same seed', async () => {
    const run = async (seed: number) => {
      const injector = new FaultInjector({ seed });
      injector.set(parseFaults('journal:errors=0.3'));
      const registry = injector.wrap(new ToolRegistry([tool('journal'), tool('todo')]));
      const outcomes: string[] = [];
      for (let i = 0; i < 400; i++) {
        const journal = await invokeTool(registry.get('journal.ping') as AnyToolSpec, {}, ctx);
        outcomes.push(journal.ok ? 'ok' : journal.kind);
        expect((await invokeTool(registry.get('todo.ping') as AnyToolSpec, {}, ctx)).ok).toBe(true);
      }
      return outcomes;
    };
    const first = await run(7);
    const share = first.filter((o) => o === 'internal').length / first.length;
    expect(share).toBeGreaterThan(0.24);
    expect(share).toBeLessThan(0.36);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
  });

  it('adds latency through the injected sleep, and can be switched off at run time', async () => {
    const slept: number[] = [];
    const injector = new FaultInjector({ sleep: async (ms) => void slept.push(ms) });
    const registry = injector.wrap(new ToolRegistry([tool('todo')]));
    injector.set(parseFaults('todo:latency=800'));
    expect((await invokeTool(registry.get('todo.ping') as AnyToolSpec, {}, ctx)).ok).toBe(true);
    expect(slept).toEqual([800]);
    injector.set([]);
    await invokeTool(registry.get('todo.ping') as AnyToolSpec, {}, ctx);
    expect(slept).toEqual([800]);
    injector.set(parseFaults('todo:errors=1'));
    await expect(injector.before('todo')).rejects.toBeInstanceOf(InjectedFaultError);
  });
});
