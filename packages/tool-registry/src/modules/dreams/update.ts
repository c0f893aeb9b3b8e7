import { z } from 'zod';
import { dateField, idField, tagsField } from '../../fields';
import { updateInSpace } from '../../space-scope';
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

/** `dreams.update`: change what the diary says about a dream. */
export const dreamsUpdate = defineTool({
  name: 'dreams.update',
  module: 'dreams',
  description:
    'Change a dream’s title, description, day, lucidity, vividness, emotions or tags. Only the given fields change; vividness null clears it; lists replace the old ones.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    id: idField('dream'),
    title: dreamTitleField().optional(),
    description: dreamDescriptionField().optional(),
    dreamtOn: dateField('The morning after the dream').optional(),
    lucid: lucidField().optional(),
    vividness: vividnessField()
      .nullable()
      .optional()
      .describe('How vivid it was, from 1 (faint) to 5 (vivid); null clears it'),
    emotions: emotionsField().optional(),
    tags: tagsField().optional(),
  }),
  output: z.object({ dream: dreamOut }),
  checks: {
    checks: [
      {
        read: 'dreams.get',
        input: { id: '$output.dream.id' },
        find: { item: 'dream' },
        expect: {
          title: '$output.dream.title',
          description: '$output.dream.description',
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
  handler: async ({ id, emotions, ...changes }, ctx) => {
    const row = await updateInSpace(ctx, dreams, id, 'dream', {
      ...changes,
      emotions: emotions && uniqueEmotions(emotions),
      updatedAt: ctx.now(),
    });
    return { dream: toDream(row) };
  },
});
