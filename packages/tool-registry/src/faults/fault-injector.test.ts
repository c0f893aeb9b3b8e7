import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeTool } from '../invoke';
import { todoTools } from '../modules/todo';
import { ToolRegistry } from '../registry';
import { createToolTestBed, type ToolTestBed } from '../testing/tool-context';
import type { AnyToolSpec } from '../tool-spec';
import { FaultInjector } from './fault-injector';
import { parseFaults } from './fault-spec';

// Each kind of the fault drill against the real todo module on a real database.
describe('fault injector', () => {
  let bed: ToolTestBed;
  const slept: number[] = [];
  const injector = new FaultInjector({ seed: 7, sleep: async (ms) => void slept.push(ms) });
  const registry = injector.wrap(new ToolRegistry(todoTools));
  const tool = (name: string) => registry.get(name) as AnyToolSpec;
  const call = (name: string, input: unknown) => invokeTool(tool(name), input, bed.a);
  const titles = async () =>
    (
      (await bed.call(tool('todo.list'), { status: 'all', limit: 100 })).todos as {
        title: string;
      }[]
    )
      .map((t) => t.title)
      .sort();
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('fails about the given share of one tool’s calls, the same calls for the same seed', async () => {
    const run = async (seed: number) => {
      const dice = new FaultInjector({ seed });
      dice.set(parseFaults('todo.list:errors=0.3'));
      const wrapped = dice.wrap(new ToolRegistry(todoTools));
      const outcomes: string[] = [];
      for (let i = 0; i < 100; i++) {
        const list = await invokeTool(wrapped.get('todo.list') as AnyToolSpec, {}, bed.a);
        outcomes.push(list.ok ? 'ok' : list.kind);
      }
      // The other tools of the module are untouched.
      expect(
        (await invokeTool(wrapped.get('todo.create') as AnyToolSpec, { title: 'x' }, bed.a)).ok,
      ).toBe(true);
      return outcomes;
    };
    const first = await run(7);
    const share = first.filter((o) => o === 'internal').length / first.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.45);
    expect(await run(7)).toEqual(first);
    expect(await run(8)).not.toEqual(first);
  });

  it('adds latency to one tool through the injected sleep, and switches off at run time', async () => {
    injector.set(parseFaults('todo.list:latency=800'));
    expect((await call('todo.list', {})).ok).toBe(true);
    expect((await call('todo.create', { title: 'fast' })).ok).toBe(true);
    expect(slept).toEqual([800]);
    injector.set([]);
    await call('todo.list', {});
    expect(slept).toEqual([800]);
  });

  it('noop: the write answers ok with a todo, and nothing is stored', async () => {
    const before = await titles();
    injector.set(parseFaults('todo.create:noop'));
    const created = await call('todo.create', { title: 'Lost in the void' });
    expect(created).toMatchObject({ ok: true, output: { todo: { title: 'Lost in the void' } } });
    expect(await titles()).toEqual(before);
    injector.set([]);
    expect((await call('todo.create', { title: 'Kept' })).ok).toBe(true);
    expect(await titles()).toEqual([...before, 'Kept'].sort());
  });

  it('partial: a read leaves about the given share of rows out, and its count follows', async () => {
    for (let i = 0; i < 40; i++) await bed.call(tool('todo.create'), { title: `row ${i}` });
    const all = await titles();
    injector.set(parseFaults('todo.list:partial=0.5'));
    const outcome = await call('todo.list', { status: 'all', limit: 100 });
    injector.set([]);
    if (!outcome.ok) throw new Error('todo.list failed');
    const rows = outcome.output.todos as unknown[];
    expect(rows.length).toBeGreaterThan(all.length * 0.25);
    expect(rows.length).toBeLessThan(all.length * 0.75);
    expect(outcome.output.count).toBe(rows.length);
  });

  it('tighten: an input it used to accept is refused as invalid, naming the field; nothing written', async () => {
    const before = await titles();
    injector.set(parseFaults('todo.create:tighten=10'));
    expect(await call('todo.create', { title: 'A title longer than ten' })).toMatchObject({
      ok: false,
      kind: 'tool_error',
      code: 'INVALID_INPUT',
      message: 'Invalid input for todo.create: title (must be at most 10 characters)',
    });
    expect((await call('todo.create', { title: 'Short' })).ok).toBe(true);
    injector.set([]);
    expect(await titles()).toEqual([...before, 'Short'].sort());
  });

  it('module-level faults act on every tool of the module where the kind applies', async () => {
    injector.set(parseFaults('todo:errors=1'));
    expect(await call('todo.list', {})).toMatchObject({ ok: false, kind: 'internal' });
    expect(await call('todo.create', { title: 'no' })).toMatchObject({
      ok: false,
      kind: 'internal',
    });
    injector.set([]);
  });
});
