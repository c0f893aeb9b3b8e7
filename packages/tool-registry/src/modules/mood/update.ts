import { z } from 'zod';
import { dateTimeField, idField } from '../../fields';
import { updateInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import {
  assertNotFuture,
  emotionsField,
  moodOut,
  noteField,
  scoreField,
  toMood,
  uniqueEmotions,
} from './shape';
import { moodEntries } from './table';

/** `mood.update`: correct a mood check-in. */
export const moodUpdate = defineTool({
  name: 'mood.update',
  module: 'mood',
  description:
    'Correct a mood check-in’s score, emotions, note or time. Only the given fields change; note null removes it; emotions replace the old ones.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('mood check-in'),
    score: scoreField().optional(),
    emotions: emotionsField().optional(),
    note: noteField()
      .nullable()
      .optional()
      .describe('A short note on what is behind the mood; null removes it'),
    recordedAt: dateTimeField('When the mood was felt').optional(),
  }),
  output: z.object({ entry: moodOut }),
  checks: {
    checks: [
      {
        read: 'mood.list',
        input: { emotion: '$output.entry.emotions.0', limit: 100 },
        find: { list: 'entries', where: { id: '$output.entry.id' } },
        expect: {
          score: '$output.entry.score',
          emotions: '$output.entry.emotions',
          note: '$output.entry.note',
          recordedAt: '$output.entry.recordedAt',
        },
      },
      {
        read: 'mood.list',
        input: { limit: 100 },
        find: { list: 'entries', where: { id: '$output.entry.id' } },
        expect: { score: '$output.entry.score', recordedAt: '$output.entry.recordedAt' },
      },
    ],
  },
  handler: async ({ id, recordedAt, emotions, ...changes }, ctx) => {
    const now = ctx.now();
    const at = recordedAt === undefined ? undefined : new Date(recordedAt);
    if (at) assertNotFuture(at, now);
    const row = await updateInSpace(ctx, moodEntries, id, 'mood check-in', {
      ...changes,
      emotions: emotions && uniqueEmotions(emotions),
      recordedAt: at,
      updatedAt: now,
    });
    return { entry: toMood(row) };
  },
});
