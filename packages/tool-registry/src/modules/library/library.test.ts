import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import type { AnyToolSpec } from '../../tool-spec';
import { libraryAdd } from './add';
import { libraryDelete } from './delete';
import { libraryList } from './list';
import { libraryRate } from './rate';
import { libraryItems } from './table';
import { libraryUpdate } from './update';
import { libraryUpdateStatus } from './update-status';

const titles = (out: { items: { title: string }[] }) => out.items.map((i) => i.title);

describe('library module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('adds an item in the caller’s space, on the want list by default', async () => {
    const { item } = await bed.call(libraryAdd, {
      title: 'Thinking, Fast and Slow',
      author: 'Daniel Kahneman',
      tags: ['psychology'],
      notes: 'Recommended by Sam',
    });
    expect(item).toMatchObject({
      title: 'Thinking, Fast and Slow',
      author: 'Daniel Kahneman',
      kind: 'book',
      status: 'want',
      rating: null,
      startedOn: null,
      finishedOn: null,
      tags: ['psychology'],
      notes: 'Recommended by Sam',
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      title: 'Thinking, Fast and Slow',
      kind: 'book',
      status: 'want',
      startedOn: null,
    });

    const started = await bed.call(libraryAdd, {
      title: 'Attention Is All You Need',
      kind: 'paper',
      status: 'reading',
    });
    expect(started.item).toMatchObject({ status: 'reading', startedOn: '2026-11-25' });
    const done = await bed.call(libraryAdd, {
      title: 'Old course',
      kind: 'course',
      status: 'finished',
    });
    expect(done.item).toMatchObject({ startedOn: null, finishedOn: '2026-11-25' });
  });

  it('lists reading first, then want, finished, dropped, with filters, only in its space', async () => {
    await bed.db.delete(libraryItems);
    const add = async (title: string, at: string, extra: Record<string, unknown> = {}) => {
      bed.setNow(at);
      return (await bed.call(libraryAdd, { title, ...extra })).item;
    };
    await add('Want old', '2026-11-01T08:00:00Z', { author: 'Ursula K. Le Guin' });
    await add('Want new', '2026-11-02T08:00:00Z', { tags: ['scifi'] });
    await add('Reading', '2026-11-03T08:00:00Z', { status: 'reading', kind: 'audiobook' });
    await add('Finished', '2026-11-04T08:00:00Z', { status: 'finished', tags: ['scifi'] });
    await add('Dropped', '2026-11-05T08:00:00Z', { status: 'dropped', notes: 'Too dry' });
    await bed.call(libraryAdd, { title: 'Family book' }, bed.b);

    expect(titles(await bed.call(libraryList, {}))).toEqual([
      'Reading',
      'Want new',
      'Want old',
      'Finished',
      'Dropped',
    ]);
    expect(titles(await bed.call(libraryList, { status: 'want' }))).toEqual([
      'Want new',
      'Want old',
    ]);
    expect(titles(await bed.call(libraryList, { kind: 'audiobook' }))).toEqual(['Reading']);
    expect(titles(await bed.call(libraryList, { tag: 'scifi' }))).toEqual(['Want new', 'Finished']);
    expect(titles(await bed.call(libraryList, { query: 'le guin' }))).toEqual(['Want old']);
    expect(titles(await bed.call(libraryList, { query: 'DRY' }))).toEqual(['Dropped']);
    expect(titles(await bed.call(libraryList, { query: '_' }))).toEqual([]);
    expect((await bed.call(libraryList, { limit: 2 })).count).toBe(2);
    expect(titles(await bed.call(libraryList, {}, bed.b))).toEqual(['Family book']);
  });

  it('moves through want → reading → finished, stamping days from the clock', async () => {
    bed.setNow('2026-11-10T22:00:00Z');
    const { item } = await bed.call(libraryAdd, { title: 'Dune', author: 'Frank Herbert' });
    bed.setNow('2026-11-12T08:00:00Z');
    const reading = await bed.call(libraryUpdateStatus, { id: item.id, status: 'reading' });
    expect(reading).toMatchObject({
      previousStatus: 'want',
      item: { status: 'reading', startedOn: '2026-11-12', finishedOn: null },
    });
    // Pausing and resuming keeps the first start day.
    await bed.call(libraryUpdateStatus, { id: item.id, status: 'dropped' });
    bed.setNow('2026-11-14T08:00:00Z');
    const resumed = await bed.call(libraryUpdateStatus, { id: item.id, status: 'reading' });
    expect(resumed).toMatchObject({
      previousStatus: 'dropped',
      item: { status: 'reading', startedOn: '2026-11-12' },
    });
    // The same status again changes nothing.
    bed.setNow('2026-11-15T08:00:00Z');
    const same = await bed.call(libraryUpdateStatus, { id: item.id, status: 'reading' });
    expect(same.item.updatedAt).toBe('2026-11-14T08:00:00.000Z');

    expect(
      await bed.fail(libraryUpdateStatus, { id: item.id, status: 'finished', on: '2026-11-01' }),
    ).toMatchObject({ kind: 'tool_error', code: 'INVALID_INPUT' });
    bed.setNow('2026-11-20T08:00:00Z');
    const finished = await bed.call(libraryUpdateStatus, { id: item.id, status: 'finished' });
    expect(finished).toMatchObject({
      previousStatus: 'reading',
      item: { status: 'finished', startedOn: '2026-11-12', finishedOn: '2026-11-20' },
    });
    const [row] = await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row).toMatchObject({
      status: 'finished',
      startedOn: '2026-11-12',
      finishedOn: '2026-11-20',
    });
    expect(row?.updatedAt.toISOString()).toBe('2026-11-20T08:00:00.000Z');

    const backToWant = await bed.call(libraryUpdateStatus, { id: item.id, status: 'want' });
    expect(backToWant.item).toMatchObject({ status: 'want', startedOn: null, finishedOn: null });
    const explicit = await bed.call(libraryUpdateStatus, {
      id: item.id,
      status: 'reading',
      on: '2026-11-18',
    });
    expect(explicit.item.startedOn).toBe('2026-11-18');
  });

  it('rates only items that were started or finished', async () => {
    bed.setNow('2026-11-25T09:00:00Z');
    const { item } = await bed.call(libraryAdd, { title: 'Unopened', notes: 'gift' });
    expect(await bed.fail(libraryRate, { id: item.id, rating: 4 })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_STATE',
    });
    await bed.call(libraryUpdateStatus, { id: item.id, status: 'dropped' });
    expect(await bed.fail(libraryRate, { id: item.id, rating: 2 })).toMatchObject({
      code: 'INVALID_STATE',
    });
    const [untouched] = await bed.db
      .select()
      .from(libraryItems)
      .where(eq(libraryItems.id, item.id));
    expect(untouched?.rating).toBeNull();

    await bed.call(libraryUpdateStatus, { id: item.id, status: 'reading' });
    const rated = await bed.call(libraryRate, { id: item.id, rating: 3 });
    expect(rated.item).toMatchObject({ rating: 3, notes: 'gift' });
    await bed.call(libraryUpdateStatus, { id: item.id, status: 'finished' });
    const rerated = await bed.call(libraryRate, {
      id: item.id,
      rating: 5,
      notes: 'Better at the end',
    });
    expect(rerated.item).toMatchObject({ rating: 5, notes: 'Better at the end' });
    const [row] = await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row).toMatchObject({ rating: 5, notes: 'Better at the end' });

    const finishedOnAdd = await bed.call(libraryAdd, { title: 'Done', status: 'finished' });
    expect(
      (await bed.call(libraryRate, { id: finishedOnAdd.item.id, rating: 1 })).item.rating,
    ).toBe(1);
    const bad = await bed.fail(libraryRate, { id: item.id, rating: 6 });
    expect(bad).toMatchObject({ kind: 'invalid_input', fields: [{ path: 'rating' }] });
    expect(await bed.fail(libraryRate, { id: item.id, rating: 2.5 })).toMatchObject({
      kind: 'invalid_input',
    });
  });

  it('updates details and corrects days, refusing a finish before the start', async () => {
    const { item } = await bed.call(libraryAdd, { title: 'Typo', status: 'reading' });
    const updated = await bed.call(libraryUpdate, {
      id: item.id,
      title: 'Fixed title',
      author: 'Someone',
      kind: 'course',
      tags: ['work'],
      startedOn: '2026-11-01',
    });
    expect(updated.item).toMatchObject({
      title: 'Fixed title',
      author: 'Someone',
      kind: 'course',
      tags: ['work'],
      startedOn: '2026-11-01',
      status: 'reading',
    });
    expect(await bed.fail(libraryUpdate, { id: item.id, finishedOn: '2026-10-30' })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });
    const cleared = await bed.call(libraryUpdate, { id: item.id, author: null, notes: null });
    expect(cleared.item).toMatchObject({ author: null, notes: null, title: 'Fixed title' });
    const [row] = await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row).toMatchObject({ author: null, finishedOn: null, startedOn: '2026-11-01' });
    expect(await bed.fail(libraryUpdate, { id: item.id })).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('cannot read or change an item of another space', async () => {
    const { item } = await bed.call(libraryAdd, { title: 'Private', status: 'reading' });
    const attempts: [AnyToolSpec, Record<string, unknown>][] = [
      [libraryUpdateStatus, { status: 'finished' }],
      [libraryRate, { rating: 1 }],
      [libraryUpdate, { title: 'Hijacked' }],
      [libraryDelete, {}],
    ];
    for (const [tool, extra] of attempts) {
      expect(await bed.fail(tool, { id: item.id, ...extra }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No library item with id ${item.id} in this space`,
      });
    }
    const [row] = await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id));
    expect(row).toMatchObject({ title: 'Private', status: 'reading', rating: null });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { item } = await bed.call(libraryAdd, { title: 'Temp' });
    expect(await bed.call(libraryDelete, { id: item.id })).toEqual({ deleted: true, id: item.id });
    expect(await bed.db.select().from(libraryItems).where(eq(libraryItems.id, item.id))).toEqual(
      [],
    );
    expect(libraryDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(libraryAdd, { title: '', kind: 'magazine', status: 'done' });
    expect(bad.kind).toBe('invalid_input');
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'kind',
      'status',
      'title',
    ]);
    expect(
      await bed.fail(libraryUpdateStatus, { id: item.id, status: 'reading', on: '25.11.2026' }),
    ).toMatchObject({ kind: 'invalid_input', fields: [{ path: 'on' }] });
  });
});
