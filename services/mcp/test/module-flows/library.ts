import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/** The library module through the gateway: add → list → update_status → rate → update. */
export function libraryFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('add → list → update_status → rate → update', async () => {
    const { item: ddia } = await call<{ item: Item }>('library.add', {
      title: 'Designing Data-Intensive Applications',
      author: 'Martin Kleppmann',
      tags: ['systems'],
    });
    expect(ddia).toMatchObject({ kind: 'book', status: 'want', startedOn: null, rating: null });
    expect(await stored('library_items', ddia.id)).toMatchObject({
      ...mine(),
      title: 'Designing Data-Intensive Applications',
      author: 'Martin Kleppmann',
      kind: 'book',
      status: 'want',
      tags: ['systems'],
    });
    const { item: rustBook } = await call<{ item: Item }>('library.add', {
      title: 'The Rust Programming Language',
      status: 'reading',
    });
    expect(rustBook).toMatchObject({ status: 'reading', startedOn: day(), finishedOn: null });

    const shelf = await call<{ items: Item[]; count: number }>('library.list', {});
    expect(ids(shelf.items)).toEqual([rustBook.id, ddia.id]);
    const wanted = await call<{ items: Item[] }>('library.list', { status: 'want' });
    expect(ids(wanted.items)).toEqual([ddia.id]);

    const started = await call<{ item: Item; previousStatus: string }>('library.update_status', {
      id: ddia.id,
      status: 'reading',
      on: day(-10),
    });
    expect(started).toMatchObject({
      previousStatus: 'want',
      item: { status: 'reading', startedOn: day(-10) },
    });
    const finished = await call<{ item: Item; previousStatus: string }>('library.update_status', {
      id: ddia.id,
      status: 'finished',
      on: day(),
    });
    expect(finished).toMatchObject({
      previousStatus: 'reading',
      item: { status: 'finished', startedOn: day(-10), finishedOn: day() },
    });
    expect(await stored('library_items', ddia.id)).toMatchObject({
      status: 'finished',
      started_on: day(-10),
      finished_on: day(),
    });

    const rated = await call<{ item: Item }>('library.rate', {
      id: ddia.id,
      rating: 5,
      notes: 'Kapitel 5 und 9 nochmal lesen',
    });
    expect(rated.item).toMatchObject({ rating: 5, notes: 'Kapitel 5 und 9 nochmal lesen' });
    expect(await stored('library_items', ddia.id)).toMatchObject({
      rating: 5,
      notes: 'Kapitel 5 und 9 nochmal lesen',
    });

    const corrected = await call<{ item: Item }>('library.update', {
      id: rustBook.id,
      author: 'Steve Klabnik',
      tags: ['rust'],
    });
    expect(corrected.item).toMatchObject({ author: 'Steve Klabnik', tags: ['rust'] });
    expect(await stored('library_items', rustBook.id)).toMatchObject({
      author: 'Steve Klabnik',
      tags: ['rust'],
      status: 'reading',
    });
  });
}
