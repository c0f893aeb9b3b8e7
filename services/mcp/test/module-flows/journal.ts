import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/**
 * The journal module through the gateway:
 * create_entry → list_entries → get_entry → update_entry.
 */
export function journalFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('create_entry → list_entries → get_entry → update_entry', async () => {
    const { entry: bad } = await call<{ entry: Item }>('journal.create_entry', {
      title: 'Schlechter Tag',
      body: 'Prüfung verhauen, danach nur Serien geschaut.',
      entryDate: day(-1),
      tags: ['uni'],
    });
    expect(bad).toMatchObject({ entryDate: day(-1), title: 'Schlechter Tag', tags: ['uni'] });
    expect(await stored('journal_entries', bad.id)).toMatchObject({
      ...mine(),
      entry_date: day(-1),
      title: 'Schlechter Tag',
      body: 'Prüfung verhauen, danach nur Serien geschaut.',
      tags: ['uni'],
    });
    const { entry: better } = await call<{ entry: Item }>('journal.create_entry', {
      body: 'Heute lief es besser.',
    });
    expect(better).toMatchObject({ entryDate: day(), title: null, tags: [] });

    const all = await call<{ entries: Item[]; count: number }>('journal.list_entries', {});
    expect(ids(all.entries)).toEqual([better.id, bad.id]);
    const tagged = await call<{ entries: Item[] }>('journal.list_entries', { tag: 'uni' });
    expect(ids(tagged.entries)).toEqual([bad.id]);
    const searched = await call<{ entries: Item[] }>('journal.list_entries', {
      query: 'BESSER',
      from: day(-7),
    });
    expect(ids(searched.entries)).toEqual([better.id]);

    const got = await call<{ entry: Item }>('journal.get_entry', { id: bad.id });
    expect(got.entry).toEqual(bad);

    const rewritten = await call<{ entry: Item }>('journal.update_entry', {
      id: bad.id,
      title: null,
      body: 'Prüfung verhauen. Morgen lerne ich mit Anna.',
      tags: ['uni', 'stress'],
    });
    expect(rewritten.entry).toMatchObject({ title: null, tags: ['uni', 'stress'] });
    expect(await stored('journal_entries', bad.id)).toMatchObject({
      title: null,
      body: 'Prüfung verhauen. Morgen lerne ich mit Anna.',
      tags: ['uni', 'stress'],
      entry_date: day(-1),
    });
  });
}
