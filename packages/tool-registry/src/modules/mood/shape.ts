import { z } from 'zod';
import { ToolError } from '../../errors';
import { iso, isoOut, textField } from '../../fields';
import type { moodEntries } from './table';

/** A mood check-in as tools return it. */
export const moodOut = z.object({
  id: z.string(),
  score: z.number().int().describe('1 (awful) to 5 (great)'),
  emotions: z.array(z.string()),
  note: z.string().nullable(),
  recordedAt: isoOut,
  createdAt: isoOut,
  updatedAt: isoOut,
});

export const scoreField = () =>
  z.number().int().min(1).max(5).describe('How it feels, from 1 (awful) to 5 (great)');

/** Feelings, stored trimmed and in lower case so they can be counted (also used by dreams). */
export const emotionsField = () =>
  z
    .array(z.string().trim().toLowerCase().min(1).max(40))
    .max(20)
    .describe('Feelings in a word each, e.g. ["calm", "anxious"]; stored in lower case');

export const noteField = () => textField('A short note on what is behind the mood', 2000);

/** Drops repeated emotions, keeping the first order. */
export function uniqueEmotions(emotions: string[]): string[] {
  return [...new Set(emotions)];
}

/** A check-in cannot lie in the future: an instant is unambiguous, unlike a day. */
export function assertNotFuture(recordedAt: Date, now: Date): void {
  if (recordedAt.getTime() > now.getTime()) {
    throw new ToolError(
      'INVALID_INPUT',
      `recordedAt ${recordedAt.toISOString()} lies in the future (now is ${now.toISOString()})`,
    );
  }
}

/** The instant a `YYYY-MM-DD` day starts (UTC), `offset` days later. */
export function dayStart(day: string, offset = 0): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date;
}

/** Maps a row to {@link moodOut}. */
export function toMood(row: typeof moodEntries.$inferSelect): z.input<typeof moodOut> {
  return {
    id: row.id,
    score: row.score,
    emotions: row.emotions,
    note: row.note,
    recordedAt: iso(row.recordedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}
