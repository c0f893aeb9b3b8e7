import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { journalCreateEntry } from './create-entry';
import { journalDeleteEntry } from './delete-entry';
import { journalGetEntry } from './get-entry';
import { journalListEntries } from './list-entries';
import { journalEntries } from './table';
import { journalUpdateEntry } from './update-entry';

type Entry = { id: string; title: string | null; entryDate: string };

describe('journal module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const titles = async (input: unknown, ctx = bed.a) =>
    (await bed.call(journalListEntries, input, ctx)).entries.map((e: Entry) => e.title);

  it('writes an entry about today in the caller’s space and returns what was stored', async () => {
    const { entry } = await bed.call(journalCreateEntry, {
      body: 'Long walk by the river, felt calm afterwards.',
      title: 'River walk',
      tags: ['walk', 'calm'],
    });
    expect(entry).toMatchObject({
      entryDate: '2026-11-25',
      title: 'River walk',
      body: 'Long walk by the river, felt calm afterwards.',
      tags: ['walk', 'calm'],
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      entryDate: '2026-11-25',
      title: 'River walk',
      tags: ['walk', 'calm'],
    });
    expect(row?.createdAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');

    const { entry: untitled } = await bed.call(journalCreateEntry, {
      body: 'Back-dated thoughts',
      entryDate: '2026-11-20',
    });
    expect(untitled).toMatchObject({ title: null, tags: [], entryDate: '2026-11-20' });
    expect((await bed.call(journalGetEntry, { id: untitled.id })).entry).toEqual(untitled);
  });

  it('lists newest day first with day range, tag, text and limit filters', async () => {
    await bed.call(journalCreateEntry, {
      body: 'Exam stress, but 100% prepared.',
      title: 'Exam eve',
      entryDate: '2026-11-22',
      tags: ['uni'],
    });
    await bed.call(journalCreateEntry, { body: 'Family dinner', title: 'Family' }, bed.b);

    expect(await titles({})).toEqual(['River walk', 'Exam eve', null]);
    expect(await titles({ from: '2026-11-21', to: '2026-11-24' })).toEqual(['Exam eve']);
    expect(await titles({ from: '2026-11-22' })).toEqual(['River walk', 'Exam eve']);
    expect(await titles({ to: '2026-11-22' })).toEqual(['Exam eve', null]);
    expect(await titles({ tag: 'uni' })).toEqual(['Exam eve']);
    expect(await titles({ tag: 'Uni' })).toEqual([]);
    expect(await titles({ query: 'RIVER' })).toEqual(['River walk']);
    expect(await titles({ query: 'back-dated' })).toEqual([null]);
    expect(await titles({ query: '100%' })).toEqual(['Exam eve']);
    expect(await titles({ query: '0_%' })).toEqual([]);
    expect((await bed.call(journalListEntries, { limit: 2 })).count).toBe(2);
    expect(await titles({}, bed.b)).toEqual(['Family']);

    expect(
      await bed.fail(journalListEntries, { from: '2026-11-25', to: '2026-11-01' }),
    ).toMatchObject({ kind: 'tool_error', code: 'INVALID_INPUT' });
  });

  it('orders entries of the same day by when they were written, newest first', async () => {
    bed.setNow('2026-11-25T21:00:00Z');
    await bed.call(journalCreateEntry, { body: 'Evening', title: 'Evening', tags: ['day'] });
    bed.setNow('2026-11-25T15:00:00Z');
    await bed.call(journalCreateEntry, { body: 'Afternoon', title: 'Afternoon', tags: ['day'] });
    bed.setNow('2026-11-25T09:00:00Z');
    expect(await titles({ from: '2026-11-25' })).toEqual(['Evening', 'Afternoon', 'River walk']);
  });

  it('updates only the given fields', async () => {
    const { entry } = await bed.call(journalCreateEntry, {
      body: 'Draft',
      title: 'Draft title',
      tags: ['x'],
    });
    bed.setNow('2026-11-25T12:00:00Z');
    const { entry: updated } = await bed.call(journalUpdateEntry, {
      id: entry.id,
      body: 'Final text',
      title: null,
      entryDate: '2026-11-24',
    });
    bed.setNow('2026-11-25T09:00:00Z');
    expect(updated).toMatchObject({
      body: 'Final text',
      title: null,
      entryDate: '2026-11-24',
      tags: ['x'],
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    const [row] = await bed.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id));
    expect(row).toMatchObject({ body: 'Final text', title: null, entryDate: '2026-11-24' });
    const { entry: retagged } = await bed.call(journalUpdateEntry, { id: entry.id, tags: [] });
    expect(retagged).toMatchObject({ tags: [], body: 'Final text' });
  });

  it('cannot read or change an entry of another space', async () => {
    const { entry } = await bed.call(journalCreateEntry, { body: 'Secret', title: 'Private' });
    for (const tool of [journalGetEntry, journalDeleteEntry]) {
      expect(await bed.fail(tool, { id: entry.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No journal entry with id ${entry.id} in this space`,
      });
    }
    expect(
      await bed.fail(journalUpdateEntry, { id: entry.id, body: 'Hijacked' }, bed.b),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await titles({ query: 'secret' }, bed.b)).toEqual([]);
    const [row] = await bed.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id));
    expect(row).toMatchObject({ body: 'Secret', title: 'Private' });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { entry } = await bed.call(journalCreateEntry, { body: 'Temp' });
    expect(await bed.call(journalDeleteEntry, { id: entry.id })).toEqual({
      deleted: true,
      id: entry.id,
    });
    expect(
      await bed.db.select().from(journalEntries).where(eq(journalEntries.id, entry.id)),
    ).toEqual([]);
    expect(journalDeleteEntry.policyHint).toBe('destructive');
    expect(await bed.fail(journalGetEntry, { id: entry.id })).toMatchObject({ code: 'NOT_FOUND' });

    const bad = await bed.fail(journalCreateEntry, {
      body: '   ',
      entryDate: 'yesterday',
      tags: 'mood',
    });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'body',
      'entryDate',
      'tags',
    ]);
    expect(await bed.fail(journalListEntries, { limit: 0, from: '2026-13-01' })).toMatchObject({
      kind: 'invalid_input',
      fields: expect.arrayContaining([
        expect.objectContaining({ path: 'limit' }),
        expect.objectContaining({ path: 'from' }),
      ]),
    });
  });
});
