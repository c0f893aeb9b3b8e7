import { expect, it } from 'vitest';
import { type FlowContext, type Item, ids, instant } from './flow-context';

/** The mood module through the gateway: log → list → summary → update. */
export function moodFlow(ctx: FlowContext): void {
  const { call, stored, mine, day } = ctx;

  it('log → list → summary → update', async () => {
    const anHourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    const { entry: earlier } = await call<{ entry: Item }>('mood.log', {
      score: 4,
      emotions: ['calm'],
      recordedAt: anHourAgo,
    });
    expect(earlier.recordedAt).toBe(anHourAgo);
    const { entry: now } = await call<{ entry: Item }>('mood.log', {
      score: 2,
      emotions: ['Anxious', 'tired', 'anxious'],
      note: 'Zu viel auf einmal',
    });
    expect(now).toMatchObject({ score: 2, emotions: ['anxious', 'tired'] });
    const row = await stored('mood_entries', now.id);
    expect(row).toMatchObject({
      ...mine(),
      score: 2,
      emotions: ['anxious', 'tired'],
      note: 'Zu viel auf einmal',
    });
    expect(instant(row.recorded_at)).toBe(now.recordedAt);
    expect(instant((await stored('mood_entries', earlier.id)).recorded_at)).toBe(anHourAgo);

    const listed = await call<{ entries: Item[]; count: number }>('mood.list', {});
    expect(ids(listed.entries)).toEqual([now.id, earlier.id]);
    const calm = await call<{ entries: Item[] }>('mood.list', { emotion: 'CALM' });
    expect(ids(calm.entries)).toEqual([earlier.id]);

    const summary = await call('mood.summary', { days: 2 });
    expect(summary).toMatchObject({
      to: day(),
      count: 2,
      averageScore: 3,
      minScore: 2,
      maxScore: 4,
      topEmotions: [
        { emotion: 'anxious', count: 1 },
        { emotion: 'calm', count: 1 },
        { emotion: 'tired', count: 1 },
      ],
    });

    const corrected = await call<{ entry: Item }>('mood.update', {
      id: now.id,
      score: 3,
      emotions: ['tired'],
      note: null,
    });
    expect(corrected.entry).toMatchObject({ score: 3, emotions: ['tired'], note: null });
    expect(await stored('mood_entries', now.id)).toMatchObject({
      score: 3,
      emotions: ['tired'],
      note: null,
    });
  });
}
