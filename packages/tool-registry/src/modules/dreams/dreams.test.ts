import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { dreamsDelete } from './delete';
import { dreamsGet } from './get';
import { dreamsList } from './list';
import { dreamsRecord } from './record';
import { dreams } from './table';
import { dreamsUpdate } from './update';

type Dream = { id: string; title: string };

describe('dreams module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const titles = async (input: unknown, ctx = bed.a) =>
    (await bed.call(dreamsList, input, ctx)).dreams.map((d: Dream) => d.title);

  it('records a dream dated today in the caller’s space and returns what was stored', async () => {
    const { dream } = await bed.call(dreamsRecord, {
      title: 'Flying over Hamburg',
      description: 'I knew I was dreaming and flew over the harbour.',
      lucid: true,
      vividness: 5,
      emotions: ['Free', 'joyful', 'free'],
      tags: ['flying'],
    });
    expect(dream).toMatchObject({
      dreamtOn: '2026-11-25',
      title: 'Flying over Hamburg',
      description: 'I knew I was dreaming and flew over the harbour.',
      lucid: true,
      vividness: 5,
      emotions: ['free', 'joyful'],
      tags: ['flying'],
      createdAt: '2026-11-25T09:00:00.000Z',
      updatedAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(dreams).where(eq(dreams.id, dream.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      dreamtOn: '2026-11-25',
      lucid: true,
      vividness: 5,
      emotions: ['free', 'joyful'],
      tags: ['flying'],
    });

    const { dream: plain } = await bed.call(dreamsRecord, {
      title: 'Exam in a maze',
      description: 'Could not find the lecture hall.',
      dreamtOn: '2026-11-20',
      emotions: ['anxious'],
      tags: ['uni'],
    });
    expect(plain).toMatchObject({ lucid: false, vividness: null, dreamtOn: '2026-11-20' });
    expect((await bed.call(dreamsGet, { id: plain.id })).dream).toEqual(plain);
  });

  it('lists newest first with day range, lucid, tag, emotion, text and limit filters', async () => {
    await bed.call(dreamsRecord, {
      title: 'Falling teeth',
      description: 'Classic 100% stress dream',
      dreamtOn: '2026-11-22',
      vividness: 3,
      emotions: ['anxious'],
    });
    await bed.call(dreamsRecord, { title: 'Family dream', description: 'Beach' }, bed.b);

    expect(await titles({})).toEqual(['Flying over Hamburg', 'Falling teeth', 'Exam in a maze']);
    expect(await titles({ from: '2026-11-21', to: '2026-11-24' })).toEqual(['Falling teeth']);
    expect(await titles({ to: '2026-11-22' })).toEqual(['Falling teeth', 'Exam in a maze']);
    expect(await titles({ lucid: true })).toEqual(['Flying over Hamburg']);
    expect(await titles({ lucid: false })).toEqual(['Falling teeth', 'Exam in a maze']);
    expect(await titles({ tag: 'uni' })).toEqual(['Exam in a maze']);
    expect(await titles({ emotion: 'Anxious' })).toEqual(['Falling teeth', 'Exam in a maze']);
    expect(await titles({ query: 'HARBOUR' })).toEqual(['Flying over Hamburg']);
    expect(await titles({ query: 'maze' })).toEqual(['Exam in a maze']);
    expect(await titles({ query: '100%' })).toEqual(['Falling teeth']);
    expect(await titles({ query: '0_%' })).toEqual([]);
    expect((await bed.call(dreamsList, { limit: 2 })).count).toBe(2);
    expect(await titles({}, bed.b)).toEqual(['Family dream']);
    expect(await bed.fail(dreamsList, { from: '2026-11-25', to: '2026-11-20' })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });
  });

  it('updates only the given fields', async () => {
    const { dream } = await bed.call(dreamsRecord, {
      title: 'Half remembered',
      description: 'Something about a train',
      vividness: 2,
      tags: ['train'],
    });
    bed.setNow('2026-11-25T12:00:00Z');
    const { dream: updated } = await bed.call(dreamsUpdate, {
      id: dream.id,
      description: 'A night train to Vienna',
      lucid: true,
      vividness: null,
      emotions: ['Curious'],
    });
    bed.setNow('2026-11-25T09:00:00Z');
    expect(updated).toMatchObject({
      title: 'Half remembered',
      description: 'A night train to Vienna',
      lucid: true,
      vividness: null,
      emotions: ['curious'],
      tags: ['train'],
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    const [row] = await bed.db.select().from(dreams).where(eq(dreams.id, dream.id));
    expect(row).toMatchObject({ description: 'A night train to Vienna', vividness: null });
    const { dream: redated } = await bed.call(dreamsUpdate, {
      id: dream.id,
      dreamtOn: '2026-11-24',
      tags: [],
    });
    expect(redated).toMatchObject({ dreamtOn: '2026-11-24', tags: [], lucid: true });
  });

  it('cannot read or change a dream of another space', async () => {
    const { dream } = await bed.call(dreamsRecord, { title: 'Private', description: 'Secret' });
    for (const tool of [dreamsGet, dreamsDelete]) {
      expect(await bed.fail(tool, { id: dream.id }, bed.b)).toMatchObject({
        kind: 'tool_error',
        code: 'NOT_FOUND',
        message: `No dream with id ${dream.id} in this space`,
      });
    }
    expect(await bed.fail(dreamsUpdate, { id: dream.id, title: 'Mine' }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await titles({ query: 'secret' }, bed.b)).toEqual([]);
    const [row] = await bed.db.select().from(dreams).where(eq(dreams.id, dream.id));
    expect(row).toMatchObject({ title: 'Private', description: 'Secret' });
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { dream } = await bed.call(dreamsRecord, { title: 'Temp', description: 'gone soon' });
    expect(await bed.call(dreamsDelete, { id: dream.id })).toEqual({ deleted: true, id: dream.id });
    expect(await bed.db.select().from(dreams).where(eq(dreams.id, dream.id))).toEqual([]);
    expect(dreamsDelete.policyHint).toBe('destructive');
    expect(await bed.fail(dreamsGet, { id: dream.id })).toMatchObject({ code: 'NOT_FOUND' });

    const bad = await bed.fail(dreamsRecord, {
      title: '',
      description: ' ',
      vividness: 6,
      lucid: 'yes',
      dreamtOn: '2026-02-30',
    });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'description',
      'dreamtOn',
      'lucid',
      'title',
      'vividness',
    ]);
    expect(await bed.fail(dreamsUpdate, { id: dream.id, vividness: 0 })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'vividness' }],
    });
  });
});
