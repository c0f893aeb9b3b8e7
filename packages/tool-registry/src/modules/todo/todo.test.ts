import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { todoComplete } from './complete';
import { todoCreate } from './create';
import { todoDelete } from './delete';
import { todoList } from './list';
import { todoReopen } from './reopen';
import { todos } from './table';
import { todoUpdate } from './update';

describe('todo module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('creates a todo in the caller’s space and returns what was stored', async () => {
    const { todo } = await bed.call(todoCreate, {
      title: 'Hausarbeit abgeben',
      dueOn: '2026-11-28',
      priority: 'high',
      tags: ['uni'],
    });
    expect(todo).toMatchObject({
      title: 'Hausarbeit abgeben',
      dueOn: '2026-11-28',
      priority: 'high',
      tags: ['uni'],
      status: 'open',
      completedAt: null,
    });
    const [row] = await bed.db.select().from(todos).where(eq(todos.id, todo.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      title: 'Hausarbeit abgeben',
      dueOn: '2026-11-28',
    });
    expect(row?.createdAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('lists only the current space, open first by due day, with filters', async () => {
    await bed.call(todoCreate, { title: 'Milch kaufen', tags: ['einkauf'] });
    await bed.call(todoCreate, { title: 'Zahnarzt anrufen', dueOn: '2026-11-26' });
    await bed.call(todoCreate, { title: 'Family todo' }, bed.b);
    const { todos: open } = await bed.call(todoList, {});
    expect(open.map((t: { title: string }) => t.title)).toEqual([
      'Zahnarzt anrufen',
      'Hausarbeit abgeben',
      'Milch kaufen',
    ]);
    expect(
      (await bed.call(todoList, {}, bed.b)).todos.map((t: { title: string }) => t.title),
    ).toEqual(['Family todo']);
    expect((await bed.call(todoList, { tag: 'einkauf' })).todos).toHaveLength(1);
    expect((await bed.call(todoList, { query: 'ZAHN' })).todos).toHaveLength(1);
    expect((await bed.call(todoList, { dueBefore: '2026-11-27' })).todos).toHaveLength(1);
    expect((await bed.call(todoList, { limit: 2 })).count).toBe(2);
    expect((await bed.call(todoList, { query: '100%_' })).todos).toHaveLength(0);
  });

  it('updates, completes (idempotently) and reopens by id', async () => {
    const { todo } = await bed.call(todoCreate, { title: 'Draft' });
    const updated = await bed.call(todoUpdate, {
      id: todo.id,
      title: 'Final',
      dueOn: '2026-12-01',
      notes: 'with tables',
    });
    expect(updated.todo).toMatchObject({
      title: 'Final',
      dueOn: '2026-12-01',
      notes: 'with tables',
    });
    const cleared = await bed.call(todoUpdate, { id: todo.id, dueOn: null });
    expect(cleared.todo.dueOn).toBeNull();

    const done = await bed.call(todoComplete, { id: todo.id });
    expect(done).toMatchObject({
      alreadyDone: false,
      todo: { status: 'done', completedAt: '2026-11-25T09:00:00.000Z' },
    });
    bed.setNow('2026-11-25T10:00:00Z');
    const again = await bed.call(todoComplete, { id: todo.id });
    expect(again).toMatchObject({
      alreadyDone: true,
      todo: { completedAt: '2026-11-25T09:00:00.000Z' },
    });
    expect(
      (await bed.call(todoList, { status: 'done' })).todos.map((t: { id: string }) => t.id),
    ).toContain(todo.id);

    const reopened = await bed.call(todoReopen, { id: todo.id });
    expect(reopened.todo).toMatchObject({ status: 'open', completedAt: null });
  });

  it('status all lists open todos before done ones (regression: done came first)', async () => {
    const { todo } = await bed.call(todoCreate, { title: 'Erledigt' });
    await bed.call(todoComplete, { id: todo.id });
    const { todos: all } = await bed.call(todoList, { status: 'all', limit: 100 });

    const statuses = all.map((t: { status: string }) => t.status);
    expect(statuses).toContain('done');
    expect(statuses.indexOf('done')).toBeGreaterThan(statuses.lastIndexOf('open'));
  });

  it('cannot touch a todo of another space', async () => {
    const { todo } = await bed.call(todoCreate, { title: 'Private' });
    for (const tool of [todoComplete, todoReopen, todoDelete]) {
      const outcome = await bed.fail(tool, { id: todo.id }, bed.b);
      expect(outcome).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No todo with id ${todo.id} in this space`,
      });
    }
    expect(await bed.fail(todoUpdate, { id: todo.id, title: 'Hijacked' }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await bed.db.select().from(todos).where(eq(todos.id, todo.id));
    expect(row).toMatchObject({ title: 'Private', status: 'open' });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { todo } = await bed.call(todoCreate, { title: 'Temp' });
    expect(await bed.call(todoDelete, { id: todo.id })).toEqual({ deleted: true, id: todo.id });
    expect(await bed.db.select().from(todos).where(eq(todos.id, todo.id))).toEqual([]);
    expect(todoDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(todoCreate, { title: '', dueOn: 'tomorrow', priority: 'urgent' });
    expect(bad.kind).toBe('invalid_input');
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'dueOn',
      'priority',
      'title',
    ]);
    expect(await bed.fail(todoComplete, { id: 'not-a-uuid' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'id' }],
    });
  });
});
