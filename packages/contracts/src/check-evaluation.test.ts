import { describe, expect, it } from 'vitest';
import { checkRequest, judgeCheck, readPath, resolveCheckValue } from './check-evaluation';
import type { ToolCheck } from './tool-checks';

const call = {
  input: { title: '  Buy milk ', tags: ['x'] },
  output: { todo: { id: 't1', title: 'Buy milk', status: 'open' } },
};
const listCheck: ToolCheck = {
  read: 'todo.list',
  input: { status: 'all', query: '$output.todo.title', tag: '$input.tag' },
  find: { list: 'todos', where: { id: '$output.todo.id' } },
  expect: { title: '$output.todo.title', status: 'open' },
};

describe('check evaluation', () => {
  it('reads paths and resolves references, dropping arguments that resolve to nothing', () => {
    expect(readPath({ a: [{ b: 2 }] }, 'a.0.b')).toBe(2);
    expect(readPath({ a: 1 }, 'a.b')).toBeUndefined();
    expect(resolveCheckValue('$$literal', call)).toBe('$literal');
    expect(checkRequest(listCheck, call)).toEqual({
      tool: 'todo.list',
      input: { status: 'all', query: 'Buy milk' },
    });
  });

  it('is shown when the item is found with the expected fields', () => {
    const verdict = judgeCheck(listCheck, call, {
      todos: [{ id: 't0' }, { id: 't1', title: 'Buy milk ', status: 'open' }],
    });
    expect(verdict).toMatchObject({ shown: true });
  });

  it('says what is missing or different, in words', () => {
    const missing = judgeCheck(listCheck, call, { todos: [{ id: 't0' }] });
    expect(missing).toEqual({
      shown: false,
      expected: 'todo.list shows the item with id "t1" and title "Buy milk", status "open"',
      seen: 'not among the 1 items in todos',
    });
    const stale = judgeCheck(listCheck, call, {
      todos: [{ id: 't1', title: 'Old', status: 'open' }],
    });
    expect(stale).toMatchObject({ shown: false, seen: 'title "Old"' });
    expect(judgeCheck(listCheck, call, { nope: 1 }).seen).toBe('no list at todos');
  });

  it('finds an item by path, and inverts for `absent`', () => {
    const get: ToolCheck = {
      read: 'todo.get',
      input: { id: '$output.todo.id' },
      find: { item: 'todo' },
    };
    expect(judgeCheck(get, call, { todo: { id: 't1' } }).shown).toBe(true);
    expect(judgeCheck(get, call, {}).shown).toBe(false);
    const gone: ToolCheck = { ...listCheck, expect: undefined, absent: true };
    expect(judgeCheck(gone, call, { todos: [] })).toMatchObject({ shown: true });
    expect(judgeCheck(gone, call, { todos: [{ id: 't1' }] })).toMatchObject({
      shown: false,
      seen: 'still shown',
    });
  });
});
