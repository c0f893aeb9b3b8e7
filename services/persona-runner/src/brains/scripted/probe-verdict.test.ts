import type { ToolCheck } from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import { resolveValue, sameJson, valueAt } from './check-refs';
import { type Probe, probeFor, readProbe } from './probe-verdict';

const ID = '3f2a9c1e-0000-4000-8000-000000000001';
const write = {
  input: { title: 'Buy milk ', tags: ['home'] },
  output: { todo: { id: ID, title: 'Buy milk', status: 'open', tags: ['home'] } },
};
const listCheck: ToolCheck = {
  read: 'todo.list',
  input: { status: 'all', query: '$output.todo.title', notes: '$input.notes', tag: '$$home' },
  find: { list: 'todos', where: { id: '$output.todo.id' } },
  expect: {
    title: '$input.title',
    status: 'open',
    tags: '$output.todo.tags',
    notes: '$input.notes',
  },
};
const probe = probeFor(listCheck, write) as Probe;
const other = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `other-${i}`, title: `t${i}`, status: 'open' }));

describe('check references', () => {
  it('resolve $input and $output paths, $$ literals, and nothing for what is not there', () => {
    expect(valueAt({ a: [{ b: 1 }] }, 'a.0.b')).toBe(1);
    expect(valueAt({ a: 1 }, 'a.b')).toBeUndefined();
    expect(resolveValue('$output.todo.id', write)).toBe(ID);
    expect(resolveValue('$input.tags.0', write)).toBe('home');
    expect(resolveValue('$$input', write)).toBe('$input');
    expect(resolveValue('$nope.x', write)).toBeUndefined();
    expect(resolveValue({ x: ['$output.todo.status', 2] }, write)).toEqual({ x: ['open', 2] });
  });

  it('compare as JSON values with strings trimmed', () => {
    expect(sameJson(' Buy milk', 'Buy milk ')).toBe(true);
    expect(sameJson(['a', { b: 1 }], ['a', { b: 1 }])).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson(1, '1')).toBe(false);
    expect(sameJson(null, undefined)).toBe(false);
    expect(sameJson(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('probeFor', () => {
  it('fills in the read’s input and expectations, leaving out what the write never had', () => {
    expect(probe).toEqual({
      read: 'todo.list',
      input: { status: 'all', query: 'Buy milk', tag: '$home' },
      find: { list: 'todos', where: { id: ID } },
      expect: { title: 'Buy milk ', status: 'open', tags: ['home'] },
      absent: false,
    });
  });

  it('skips a check whose item cannot be told apart', () => {
    const check = { ...listCheck, find: { list: 'todos', where: { id: '$output.nope' } } };
    expect(probeFor(check, write)).toEqual({ skip: 'cannot tell the item apart (id)' });
  });
});

describe('readProbe', () => {
  it('shows the effect when the item is found with every expected value', () => {
    const todos = [...other(2), { ...write.output.todo, extra: 1 }];
    expect(readProbe(probe, { todos })).toEqual({ shows: true });
  });

  it('says the item is missing among those listed', () => {
    expect(readProbe(probe, { todos: other(12) })).toEqual({
      shows: false,
      expected: 'a todo "Buy milk" (id 3f2a…) in todo.list',
      seen: 'not in the 12 todos listed',
    });
    expect(readProbe(probe, { todos: other(1) })).toMatchObject({
      seen: 'not the one todo listed',
    });
    expect(readProbe(probe, { todos: [] })).toMatchObject({ seen: 'no todos listed at all' });
    expect(readProbe(probe, { items: [] })).toMatchObject({ seen: 'no todos list in the answer' });
  });

  it('says which fields differ, a missing field being a mismatch', () => {
    const todos = [{ id: ID, title: 'Buy mil', status: 'done' }];
    expect(readProbe(probe, { todos })).toEqual({
      shows: false,
      expected: 'a todo "Buy milk" (id 3f2a…) in todo.list with status "open", tags ["home"]',
      seen: 'title "Buy mil", status "done", tags missing',
    });
  });

  it('reads an item path, and inverts for absent', () => {
    const get = probeFor(
      { read: 'todo.get', input: {}, find: { item: 'todo' }, expect: { status: 'open' } },
      write,
    ) as Probe;
    expect(readProbe(get, { todo: write.output.todo })).toEqual({ shows: true });
    expect(readProbe(get, { todo: null })).toEqual({
      shows: false,
      expected: 'a todo in todo.get',
      seen: 'no todo in the answer',
    });
    const gone = { ...probe, absent: true };
    expect(readProbe(gone, { todos: other(3) })).toEqual({ shows: true });
    expect(readProbe(gone, { todos: [write.output.todo] })).toEqual({
      shows: false,
      expected: 'no todo "Buy milk" (id 3f2a…) in todo.list',
      seen: 'still listed, the one todo',
    });
    expect(readProbe(gone, { nothing: true })).toMatchObject({
      shows: false,
      seen: 'no todos list in the answer',
    });
  });
});
