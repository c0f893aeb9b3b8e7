import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { notesArchive } from './archive';
import { notesCreate } from './create';
import { notesDelete } from './delete';
import { notesGet } from './get';
import { notesList } from './list';
import { notesPin } from './pin';
import { notesSearch } from './search';
import { notes } from './table';
import { notesUpdate } from './update';

const titles = (out: { notes: { title: string }[] }) => out.notes.map((n) => n.title);

describe('notes module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  it('creates a note in the caller’s space and returns what was stored', async () => {
    const { note } = await bed.call(notesCreate, {
      title: 'Seminar ideas',
      body: 'Compare two papers',
      tags: ['uni'],
    });
    expect(note).toMatchObject({
      title: 'Seminar ideas',
      body: 'Compare two papers',
      tags: ['uni'],
      pinned: false,
      archived: false,
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(notes).where(eq(notes.id, note.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      title: 'Seminar ideas',
      body: 'Compare two papers',
      tags: ['uni'],
      pinned: false,
    });
    expect(row?.createdAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');

    const bare = await bed.call(notesCreate, { title: 'Just a title', pinned: true });
    expect(bare.note).toMatchObject({ body: '', tags: [], pinned: true });
    await bed.call(notesDelete, { id: bare.note.id });
  });

  it('lists pinned first, then most recently changed; hides archived; filters by tag; stays in its space', async () => {
    await bed.db.delete(notes);
    bed.setNow('2026-11-20T08:00:00Z');
    const old = await bed.call(notesCreate, { title: 'Old', tags: ['x'] });
    bed.setNow('2026-11-21T08:00:00Z');
    await bed.call(notesCreate, { title: 'Middle' });
    bed.setNow('2026-11-22T08:00:00Z');
    await bed.call(notesCreate, { title: 'New', tags: ['x'] });
    bed.setNow('2026-11-19T08:00:00Z');
    await bed.call(notesCreate, { title: 'Pinned oldest', pinned: true });
    const gone = await bed.call(notesCreate, { title: 'Archived one', tags: ['x'] });
    await bed.call(notesArchive, { id: gone.note.id });
    await bed.call(notesCreate, { title: 'Family note', tags: ['x'] }, bed.b);

    expect(titles(await bed.call(notesList, {}))).toEqual([
      'Pinned oldest',
      'New',
      'Middle',
      'Old',
    ]);
    // Updating a note moves it up.
    bed.setNow('2026-11-23T08:00:00Z');
    await bed.call(notesUpdate, { id: old.note.id, body: 'fresh' });
    expect(titles(await bed.call(notesList, {}))).toEqual([
      'Pinned oldest',
      'Old',
      'New',
      'Middle',
    ]);
    expect(titles(await bed.call(notesList, { tag: 'x' }))).toEqual(['Old', 'New']);
    expect(titles(await bed.call(notesList, { tag: 'x', includeArchived: true }))).toEqual([
      'Old',
      'New',
      'Archived one',
    ]);
    const limited = await bed.call(notesList, { limit: 2 });
    expect(limited.count).toBe(2);
    expect(titles(await bed.call(notesList, {}, bed.b))).toEqual(['Family note']);
  });

  it('searches title and body case-insensitively, title matches first', async () => {
    bed.setNow('2026-11-25T10:00:00Z');
    await bed.call(notesCreate, { title: 'Groceries', body: 'Milk, bread, 100% rye' });
    bed.setNow('2026-11-25T11:00:00Z');
    await bed.call(notesCreate, { title: 'Bread recipe', body: 'Flour and water' });
    bed.setNow('2026-11-25T12:00:00Z');
    const hidden = await bed.call(notesCreate, { title: 'Bread archive' });
    await bed.call(notesArchive, { id: hidden.note.id });
    await bed.call(notesCreate, { title: 'Bread in B' }, bed.b);

    expect(titles(await bed.call(notesSearch, { query: 'BREAD' }))).toEqual([
      'Bread recipe',
      'Groceries',
    ]);
    expect(titles(await bed.call(notesSearch, { query: 'bread', includeArchived: true }))).toEqual([
      'Bread archive',
      'Bread recipe',
      'Groceries',
    ]);
    expect(titles(await bed.call(notesSearch, { query: '100%' }))).toEqual(['Groceries']);
    expect(titles(await bed.call(notesSearch, { query: '%_' }))).toEqual([]);
    expect((await bed.call(notesSearch, { query: 'bread', limit: 1 })).count).toBe(1);
    expect(titles(await bed.call(notesSearch, { query: 'bread' }, bed.b))).toEqual(['Bread in B']);
    expect(await bed.fail(notesSearch, { query: '  ' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'query' }],
    });
  });

  it('gets, updates, appends, pins and archives by id', async () => {
    bed.setNow('2026-11-26T09:00:00Z');
    const { note } = await bed.call(notesCreate, { title: 'Draft', body: '' });
    expect((await bed.call(notesGet, { id: note.id })).note).toEqual(note);

    bed.setNow('2026-11-26T10:00:00Z');
    const first = await bed.call(notesUpdate, { id: note.id, appendText: 'First thought' });
    expect(first.note.body).toBe('First thought');
    const second = await bed.call(notesUpdate, {
      id: note.id,
      appendText: 'Second thought',
      title: 'Thoughts',
      tags: ['ideas'],
    });
    expect(second.note).toMatchObject({
      title: 'Thoughts',
      body: 'First thought\n\nSecond thought',
      tags: ['ideas'],
      updatedAt: '2026-11-26T10:00:00.000Z',
      createdAt: '2026-11-26T09:00:00.000Z',
    });
    const replaced = await bed.call(notesUpdate, { id: note.id, body: 'Clean slate' });
    expect(replaced.note).toMatchObject({ title: 'Thoughts', body: 'Clean slate' });

    expect(await bed.fail(notesUpdate, { id: note.id, body: 'x', appendText: 'y' })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });
    expect(await bed.fail(notesUpdate, { id: note.id })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });

    expect((await bed.call(notesPin, { id: note.id })).note.pinned).toBe(true);
    expect((await bed.call(notesPin, { id: note.id, pinned: false })).note.pinned).toBe(false);
    expect((await bed.call(notesArchive, { id: note.id })).note.archived).toBe(true);
    const [row] = await bed.db.select().from(notes).where(eq(notes.id, note.id));
    expect(row).toMatchObject({ body: 'Clean slate', pinned: false, archived: true });
    expect((await bed.call(notesArchive, { id: note.id, archived: false })).note.archived).toBe(
      false,
    );
  });

  it('cannot read or change a note of another space', async () => {
    const { note } = await bed.call(notesCreate, { title: 'Private', body: 'secret' });
    for (const tool of [notesGet, notesPin, notesArchive, notesDelete]) {
      expect(await bed.fail(tool, { id: note.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No note with id ${note.id} in this space`,
      });
    }
    expect(await bed.fail(notesUpdate, { id: note.id, appendText: 'hijack' }, bed.b)).toMatchObject(
      { code: 'NOT_FOUND' },
    );
    const [row] = await bed.db.select().from(notes).where(eq(notes.id, note.id));
    expect(row).toMatchObject({ body: 'secret', pinned: false, archived: false });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { note } = await bed.call(notesCreate, { title: 'Temp' });
    expect(await bed.call(notesDelete, { id: note.id })).toEqual({ deleted: true, id: note.id });
    expect(await bed.db.select().from(notes).where(eq(notes.id, note.id))).toEqual([]);
    expect(await bed.fail(notesGet, { id: note.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(notesDelete.policyHint).toBe('destructive');

    const bad = await bed.fail(notesCreate, { title: '', tags: 'uni', pinned: 'yes' });
    expect(bad.kind).toBe('invalid_input');
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'pinned',
      'tags',
      'title',
    ]);
    expect(await bed.fail(notesGet, { id: 'nope' })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'id' }],
    });
  });
});
