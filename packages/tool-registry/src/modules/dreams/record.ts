import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { dateField, tagsField } from '../../fields';
import { defineTool } from '../../tool-spec';
import { emotionsField, uniqueEmotions } from '../mood/shape';
import {
  dreamDescriptionField,
  dreamOut,
  dreamTitleField,
  lucidField,
  toDream,
  vividnessField,
} from './shape';
import { dreams } from './table';

/** `dreams.record`: write a dream into the dream diary. */
export const dreamsRecord = defineTool({
  name: 'dreams.record',
  module: 'dreams',
  description:
    'Write a dream into the dream diary of the current space: what happened, whether it was lucid, how vivid, the feelings and tags. Dated today unless another day is given.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    title: dreamTitleField(),
    description: dreamDescriptionField(),
    dreamtOn: dateField('The morning after the dream; today if left out').optional(),
    lucid: lucidField().default(false),
    vividness: vividnessField().optional(),
    emotions: emotionsField().default([]),
    tags: tagsField().default([]),
  }),
  output: z.object({ dream: dreamOut }),
  checks: {
    checks: [
      {
        read: 'dreams.get',
        input: { id: '$output.dream.id' },
        find: { item: 'dream' },
        expect: {
          title: '$input.title',
          description: '$input.description',
          dreamtOn: '$output.dream.dreamtOn',
          lucid: '$output.dream.lucid',
          vividness: '$output.dream.vividness',
          emotions: '$output.dream.emotions',
          tags: '$output.dream.tags',
        },
      },
      {
        read: 'dreams.list',
        input: {
          from: '$output.dream.dreamtOn',
          to: '$output.dream.dreamtOn',
          query: '$output.dream.title',
          limit: 100,
        },
        find: { list: 'dreams', where: { id: '$output.dream.id' } },
        expect: { title: '$output.dream.title', description: '$output.dream.description' },
      },
    ],
  },
  handler: async (input, ctx) => {
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(dreams)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        dreamtOn: input.dreamtOn ?? now.toISOString().slice(0, 10),
        title: input.title,
        description: input.description,
        lucid: input.lucid,
        vividness: input.vividness ?? null,
        emotions: uniqueEmotions(input.emotions),
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { dream: toDream(row) };
  },
});
