import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToolTestBed, type ToolTestBed } from '../../testing/tool-context';
import { moodDelete } from './delete';
import { moodList } from './list';
import { moodLog } from './log';
import { moodSummary } from './summary';
import { moodEntries } from './table';
import { moodUpdate } from './update';

type Mood = { id: string; score: number; recordedAt: string };

describe('mood module', () => {
  let bed: ToolTestBed;
  beforeAll(async () => {
    bed = await createToolTestBed();
  });
  afterAll(() => bed.close());

  const times = async (input: unknown, ctx = bed.a) =>
    (await bed.call(moodList, input, ctx)).entries.map((e: Mood) => e.recordedAt);

  it('logs a check-in now in the caller’s space, emotions in lower case and once each', async () => {
    const { entry } = await bed.call(moodLog, {
      score: 4,
      emotions: ['Calm', ' tired ', 'calm'],
      note: 'Slept well',
    });
    expect(entry).toMatchObject({
      score: 4,
      emotions: ['calm', 'tired'],
      note: 'Slept well',
      recordedAt: '2026-11-25T09:00:00.000Z',
      createdAt: '2026-11-25T09:00:00.000Z',
    });
    const [row] = await bed.db.select().from(moodEntries).where(eq(moodEntries.id, entry.id));
    expect(row).toMatchObject({
      spaceId: bed.spaceA,
      createdBy: bed.userId,
      score: 4,
      emotions: ['calm', 'tired'],
      note: 'Slept well',
    });
    expect(row?.recordedAt.toISOString()).toBe('2026-11-25T09:00:00.000Z');

    const { entry: earlier } = await bed.call(moodLog, {
      score: 2,
      emotions: ['anxious', 'tired'],
      recordedAt: '2026-11-24T21:00:00+01:00',
    });
    expect(earlier).toMatchObject({ recordedAt: '2026-11-24T20:00:00.000Z', note: null });
    expect(await bed.fail(moodLog, { score: 3, recordedAt: '2026-11-25T09:00:01Z' })).toMatchObject(
      { kind: 'tool_error', code: 'INVALID_INPUT' },
    );
    expect(await bed.db.select().from(moodEntries)).toHaveLength(2);
  });

  it('lists newest first, filtered by UTC days, emotion and limit, only in the own space', async () => {
    await bed.call(moodLog, {
      score: 2,
      emotions: ['Tired', 'ANXIOUS'],
      recordedAt: '2026-11-19T00:30:00Z',
    });
    await bed.call(moodLog, { score: 5, emotions: ['happy'], recordedAt: '2026-11-18T23:30:00Z' });
    await bed.call(moodLog, { score: 1, emotions: ['tired'] }, bed.b);

    expect(await times({})).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-24T20:00:00.000Z',
      '2026-11-19T00:30:00.000Z',
      '2026-11-18T23:30:00.000Z',
    ]);
    expect(await times({ from: '2026-11-19', to: '2026-11-24' })).toEqual([
      '2026-11-24T20:00:00.000Z',
      '2026-11-19T00:30:00.000Z',
    ]);
    expect(await times({ to: '2026-11-18' })).toEqual(['2026-11-18T23:30:00.000Z']);
    expect(await times({ emotion: 'ANXIOUS' })).toEqual([
      '2026-11-24T20:00:00.000Z',
      '2026-11-19T00:30:00.000Z',
    ]);
    expect((await bed.call(moodList, { limit: 1 })).count).toBe(1);
    const inB = (await bed.call(moodList, {}, bed.b)).entries;
    expect(inB.map((e: Mood) => e.score)).toEqual([1]);
    expect(await bed.fail(moodList, { from: '2026-11-25', to: '2026-11-24' })).toMatchObject({
      kind: 'tool_error',
      code: 'INVALID_INPUT',
    });
  });

  it('summarises the last days: count, exact mean, range and frequent emotions', async () => {
    expect(await bed.call(moodSummary, {})).toEqual({
      from: '2026-11-19',
      to: '2026-11-25',
      count: 3,
      averageScore: 2.67,
      minScore: 2,
      maxScore: 4,
      topEmotions: [
        { emotion: 'tired', count: 3 },
        { emotion: 'anxious', count: 2 },
        { emotion: 'calm', count: 1 },
      ],
    });
    const eight = await bed.call(moodSummary, { days: 8 });
    expect(eight).toMatchObject({ from: '2026-11-18', count: 4, averageScore: 3.25, maxScore: 5 });
    expect(eight.topEmotions).toContainEqual({ emotion: 'happy', count: 1 });
    expect(await bed.call(moodSummary, { days: 1 })).toMatchObject({
      count: 1,
      averageScore: 4,
      minScore: 4,
    });
    expect(await bed.call(moodSummary, {}, bed.b)).toMatchObject({
      count: 1,
      averageScore: 1,
      topEmotions: [{ emotion: 'tired', count: 1 }],
    });

    // Looking back from an earlier day leaves out what came after it.
    bed.setNow('2026-11-24T21:00:00Z');
    expect(await bed.call(moodSummary, { days: 1 })).toMatchObject({
      to: '2026-11-24',
      count: 1,
      averageScore: 2,
    });
    bed.setNow('2027-01-10T12:00:00Z');
    expect(await bed.call(moodSummary, {})).toEqual({
      from: '2027-01-04',
      to: '2027-01-10',
      count: 0,
      averageScore: null,
      minScore: null,
      maxScore: null,
      topEmotions: [],
    });
    bed.setNow('2026-11-25T09:00:00Z');
  });

  it('updates only the given fields and refuses a time in the future', async () => {
    const { entry } = await bed.call(moodLog, {
      score: 3,
      emotions: ['meh'],
      note: 'so-so',
      recordedAt: '2026-11-25T07:00:00Z',
    });
    bed.setNow('2026-11-25T10:00:00Z');
    const { entry: updated } = await bed.call(moodUpdate, {
      id: entry.id,
      score: 4,
      note: null,
      emotions: ['Relieved', 'relieved'],
    });
    expect(updated).toMatchObject({
      score: 4,
      note: null,
      emotions: ['relieved'],
      recordedAt: '2026-11-25T07:00:00.000Z',
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    const [row] = await bed.db.select().from(moodEntries).where(eq(moodEntries.id, entry.id));
    expect(row).toMatchObject({ score: 4, note: null, emotions: ['relieved'] });

    const moved = await bed.call(moodUpdate, { id: entry.id, recordedAt: '2026-11-25T06:00:00Z' });
    expect(moved.entry).toMatchObject({ recordedAt: '2026-11-25T06:00:00.000Z', score: 4 });
    expect(
      await bed.fail(moodUpdate, { id: entry.id, recordedAt: '2026-11-26T06:00:00Z' }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    bed.setNow('2026-11-25T09:00:00Z');
  });

  it('cannot change a check-in of another space', async () => {
    const { entry } = await bed.call(moodLog, { score: 5, recordedAt: '2026-11-20T10:00:00Z' });
    expect(await bed.fail(moodDelete, { id: entry.id }, bed.b)).toMatchObject({
      kind: 'tool_error',
      code: 'NOT_FOUND',
      message: `No mood check-in with id ${entry.id} in this space`,
    });
    expect(await bed.fail(moodUpdate, { id: entry.id, score: 1 }, bed.b)).toMatchObject({
      code: 'NOT_FOUND',
    });
    const [row] = await bed.db.select().from(moodEntries).where(eq(moodEntries.id, entry.id));
    expect(row?.score).toBe(5);
    expect(await times({ from: '2026-11-20', to: '2026-11-20' }, bed.b)).toEqual([]);
  });

  it('deletes (a destructive tool) and names bad input fields', async () => {
    const { entry } = await bed.call(moodLog, { score: 3 });
    expect(await bed.call(moodDelete, { id: entry.id })).toEqual({ deleted: true, id: entry.id });
    expect(await bed.db.select().from(moodEntries).where(eq(moodEntries.id, entry.id))).toEqual([]);
    expect(moodDelete.policyHint).toBe('destructive');
    expect(await bed.fail(moodDelete, { id: entry.id })).toMatchObject({ code: 'NOT_FOUND' });

    const bad = await bed.fail(moodLog, {
      score: 6,
      emotions: [''],
      recordedAt: '2026-11-25 08:00',
    });
    expect(bad.kind === 'invalid_input' && bad.fields.map((f) => f.path).sort()).toEqual([
      'emotions.0',
      'recordedAt',
      'score',
    ]);
    expect(await bed.fail(moodLog, { score: 2.5 })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'score' }],
    });
    expect(await bed.fail(moodSummary, { days: 400 })).toMatchObject({
      kind: 'invalid_input',
      fields: [{ path: 'days' }],
    });
  });
});
