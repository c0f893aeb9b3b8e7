import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/** The todo module through the gateway: create → list → update → complete → reopen. */
export function todoFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create → list → update → complete → reopen', async () => {
    const { todo } = await call<{ todo: Item }>('todo.create', {
      title: 'Hausarbeit abgeben',
      notes: 'Kapitel 3 fehlt noch',
      dueOn: day(3),
      priority: 'high',
      tags: ['uni'],
    });
    expect(todo).toMatchObject({
      dueOn: day(3),
      priority: 'high',
      status: 'open',
      tags: ['uni'],
    });
    expect(await stored('todos', todo.id)).toMatchObject({
      ...mine(),
      title: 'Hausarbeit abgeben',
      notes: 'Kapitel 3 fehlt noch',
      due_on: day(3),
      priority: 'high',
      tags: ['uni'],
      status: 'open',
      completed_at: null,
    });
    const milk = (await call<{ todo: Item }>('todo.create', { title: 'Milch kaufen' })).todo;
    expect(milk).toMatchObject({ priority: 'normal', tags: [], dueOn: null });

    const open = await call<{ todos: Item[]; count: number }>('todo.list', {});
    expect(ids(open.todos)).toEqual([todo.id, milk.id]);
    expect(open.count).toBe(2);
    const found = await call<{ todos: Item[] }>('todo.list', { query: 'KAPITEL' });
    expect(ids(found.todos)).toEqual([todo.id]);

    const updated = await call<{ todo: Item }>('todo.update', {
      id: todo.id,
      title: 'Hausarbeit final abgeben',
      dueOn: null,
    });
    expect(updated.todo).toMatchObject({ title: 'Hausarbeit final abgeben', dueOn: null });
    expect(await stored('todos', todo.id)).toMatchObject({
      title: 'Hausarbeit final abgeben',
      due_on: null,
      priority: 'high',
    });

    const done = await call<{ todo: Item; alreadyDone: boolean }>('todo.complete', {
      id: todo.id,
    });
    expect(done.alreadyDone).toBe(false);
    expect(done.todo.status).toBe('done');
    const doneRow = await stored('todos', todo.id);
    expect(doneRow.status).toBe('done');
    expect(instant(doneRow.completed_at)).toBe(done.todo.completedAt);
    const again = await call<{ todo: Item; alreadyDone: boolean }>('todo.complete', {
      id: todo.id,
    });
    expect(again).toMatchObject({
      alreadyDone: true,
      todo: { completedAt: done.todo.completedAt },
    });
    expect(ids((await call<{ todos: Item[] }>('todo.list', { status: 'done' })).todos)).toEqual([
      todo.id,
    ]);

    const reopened = await call<{ todo: Item }>('todo.reopen', { id: todo.id });
    expect(reopened.todo).toMatchObject({ status: 'open', completedAt: null });
    expect(await stored('todos', todo.id)).toMatchObject({ status: 'open', completed_at: null });
  });
}
