import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from './errors';
import { habitLogs, habits } from './modules/habits/table';
import { todos } from './modules/todo/table';
import { deleteInSpace, idInSpace, inSpace, oneInSpace, updateInSpace } from './space-scope';
import { createToolTestBed, type ToolTestBed } from './testing/tool-context';
import type { ToolContext } from './tool-spec';

describe('space scope helpers', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  /** Inserts a todo straight into a space, bypassing the tools. */
  const todoIn = async (ctx: ToolContext, title: string, status: 'open' | 'done' = 'open') => {
    const [row] = await bed.db
      .insert(todos)
      .values({ id: randomUUID(), spaceId: ctx.spaceId, title, status })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return row;
  };
  const stored = async (id: string) =>
    (await bed.db.select().from(todos).where(eq(todos.id, id)))[0];
  const notFoundIn = (what: string, id: string) =>
    new ToolError('NOT_FOUND', `No ${what} with id ${id} in this space`);

  it('inSpace selects the rows of the caller’s space only, and-ed with further conditions', async () => {
    await todoIn(bed.a, 'inSpace open A');
    await todoIn(bed.a, 'inSpace done A', 'done');
    await todoIn(bed.b, 'inSpace open B');
    const titles = async (ctx: ToolContext, ...more: Parameters<typeof inSpace>[2][]) =>
      (
        await bed.db
          .select({ title: todos.title })
          .from(todos)
          .where(inSpace(todos, ctx, ...more))
          .orderBy(asc(todos.title))
      ).map((r) => r.title);

    expect(await titles(bed.a)).toEqual(['inSpace done A', 'inSpace open A']);
    expect(await titles(bed.b)).toEqual(['inSpace open B']);
    expect(await titles(bed.a, eq(todos.status, 'open'))).toEqual(['inSpace open A']);
    // An absent optional condition is skipped, not an error and not "match nothing".
    expect(await titles(bed.a, undefined, eq(todos.status, 'done'))).toEqual(['inSpace done A']);
  });

  it('idInSpace matches one row of the caller’s space, never the same id from another', async () => {
    const mine = await todoIn(bed.a, 'idInSpace A');
    const select = (ctx: ToolContext, ...more: Parameters<typeof idInSpace>[3][]) =>
      bed.db
        .select({ id: todos.id })
        .from(todos)
        .where(idInSpace(todos, ctx, mine.id, ...more));

    expect(await select(bed.a)).toEqual([{ id: mine.id }]);
    expect(await select(bed.b)).toEqual([]);
    expect(await select(bed.a, eq(todos.status, 'done'))).toEqual([]);
  });

  it('oneInSpace returns the row, and fails NOT_FOUND for another space or an unknown id', async () => {
    const mine = await todoIn(bed.a, 'oneInSpace A');
    const theirs = await todoIn(bed.b, 'oneInSpace B');

    expect(await oneInSpace(bed.a, todos, mine.id, 'todo')).toEqual(mine);
    await expect(oneInSpace(bed.a, todos, theirs.id, 'todo')).rejects.toEqual(
      notFoundIn('todo', theirs.id),
    );
    const unknown = randomUUID();
    await expect(oneInSpace(bed.a, todos, unknown, 'todo')).rejects.toEqual(
      notFoundIn('todo', unknown),
    );
  });

  it('updateInSpace returns the changed row and never changes a row of another space', async () => {
    const mine = await todoIn(bed.a, 'updateInSpace A');
    const theirs = await todoIn(bed.b, 'updateInSpace B');

    const changed = await updateInSpace(bed.a, todos, mine.id, 'todo', { title: 'changed' });
    expect(changed).toEqual({ ...mine, title: 'changed' });
    expect(await stored(mine.id)).toEqual(changed);

    await expect(
      updateInSpace(bed.a, todos, theirs.id, 'todo', { title: 'hijacked' }),
    ).rejects.toEqual(notFoundIn('todo', theirs.id));
    expect(await stored(theirs.id)).toEqual(theirs);
  });

  it('deleteInSpace answers {deleted, id} and never deletes a row of another space', async () => {
    const mine = await todoIn(bed.a, 'deleteInSpace A');
    const theirs = await todoIn(bed.b, 'deleteInSpace B');

    expect(await deleteInSpace(bed.a, todos, mine.id, 'todo')).toEqual({
      deleted: true,
      id: mine.id,
    });
    expect(await stored(mine.id)).toBeUndefined();
    await expect(deleteInSpace(bed.a, todos, mine.id, 'todo')).rejects.toEqual(
      notFoundIn('todo', mine.id),
    );

    await expect(deleteInSpace(bed.a, todos, theirs.id, 'todo')).rejects.toEqual(
      notFoundIn('todo', theirs.id),
    );
    expect(await stored(theirs.id)).toEqual(theirs);
  });

  it('works on a table that declares its own id and spaceId columns (habit_logs)', async () => {
    const habitId = randomUUID();
    await bed.db.insert(habits).values({ id: habitId, spaceId: bed.spaceA, name: 'Stretch' });
    const [log] = await bed.db
      .insert(habitLogs)
      .values({ id: randomUUID(), habitId, spaceId: bed.spaceA, loggedOn: '2026-11-25' })
      .returning();
    if (!log) throw new Error('insert returned no row');

    expect(await oneInSpace(bed.a, habitLogs, log.id, 'habit log')).toEqual(log);
    await expect(oneInSpace(bed.b, habitLogs, log.id, 'habit log')).rejects.toEqual(
      notFoundIn('habit log', log.id),
    );
  });
});
