import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids } from './flow-context';

/** The notes module through the gateway: create → list → search → get → update → pin → archive. */
export function notesFlow(ctx: FlowContext): void {
  const { call, stored, mine } = ctx;

  it('create → list → search → get → update → pin → archive', async () => {
    const { note: shopping } = await call<{ note: Item }>('notes.create', {
      title: 'Einkaufsliste',
      body: 'Milch',
      tags: ['haushalt'],
    });
    expect(shopping).toMatchObject({ pinned: false, archived: false, tags: ['haushalt'] });
    expect(await stored('notes', shopping.id)).toMatchObject({
      ...mine(),
      title: 'Einkaufsliste',
      body: 'Milch',
      tags: ['haushalt'],
      pinned: false,
      archived: false,
    });
    const { note: ideas } = await call<{ note: Item }>('notes.create', {
      title: 'Ideen für die Hausarbeit',
      body: 'Gliederung, Quellen',
    });

    const listed = await call<{ notes: Item[]; count: number }>('notes.list', {});
    expect(ids(listed.notes).sort()).toEqual([shopping.id, ideas.id].sort());
    const byTag = await call<{ notes: Item[] }>('notes.list', { tag: 'haushalt' });
    expect(ids(byTag.notes)).toEqual([shopping.id]);
    const found = await call<{ notes: Item[] }>('notes.search', { query: 'hausarbeit' });
    expect(ids(found.notes)).toEqual([ideas.id]);
    expect((await call<{ note: Item }>('notes.get', { id: shopping.id })).note).toEqual(shopping);

    const appended = await call<{ note: Item }>('notes.update', {
      id: shopping.id,
      appendText: 'Brot',
    });
    expect(appended.note.body).toBe('Milch\n\nBrot');
    expect((await stored('notes', shopping.id)).body).toBe('Milch\n\nBrot');

    const pinned = await call<{ note: Item }>('notes.pin', { id: ideas.id });
    expect(pinned.note.pinned).toBe(true);
    expect((await stored('notes', ideas.id)).pinned).toBe(true);
    expect(ids((await call<{ notes: Item[] }>('notes.list', {})).notes)[0]).toBe(ideas.id);

    const archived = await call<{ note: Item }>('notes.archive', { id: shopping.id });
    expect(archived.note.archived).toBe(true);
    expect((await stored('notes', shopping.id)).archived).toBe(true);
    expect(ids((await call<{ notes: Item[] }>('notes.list', {})).notes)).toEqual([ideas.id]);
    expect((await call<{ count: number }>('notes.search', { query: 'milch' })).count).toBe(0);
    const withArchived = await call<{ notes: Item[] }>('notes.search', {
      query: 'milch',
      includeArchived: true,
    });
    expect(ids(withArchived.notes)).toEqual([shopping.id]);
  });
}
