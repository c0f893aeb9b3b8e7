import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateTimeField } from '../../fields';
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

/** `mood.log`: record how someone feels. */
export const moodLog = defineTool({
  name: 'mood.log',
  module: 'mood',
  description:
    'Record a mood check-in in the current space: a score from 1 (awful) to 5 (great), the feelings behind it and a note. Recorded now unless another past time is given.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    score: scoreField(),
    emotions: emotionsField().default([]),
    note: noteField().optional(),
    recordedAt: dateTimeField('When the mood was felt; now if left out').optional(),
  }),
  output: z.object({ entry: moodOut }),
  checks: {
    checks: [
      {
        read: 'mood.list',
        input: { emotion: '$output.entry.emotions.0', limit: 100 },
        find: { list: 'entries', where: { id: '$output.entry.id' } },
        expect: {
          score: '$input.score',
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
  handler: async (input, ctx) => {
    const now = ctx.now();
    const recordedAt = input.recordedAt ? new Date(input.recordedAt) : now;
    assertNotFuture(recordedAt, now);
    const [row] = await ctx.db
      .insert(moodEntries)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        score: input.score,
        emotions: uniqueEmotions(input.emotions),
        note: input.note ?? null,
        recordedAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { entry: toMood(row) };
  },
});
