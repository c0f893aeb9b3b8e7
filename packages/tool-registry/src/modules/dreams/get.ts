import { z } from 'zod';
import { idField } from '../../fields';
import { oneInSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { dreamOut, toDream } from './shape';
import { dreams } from './table';

/** `dreams.get`: read one dream. */
export const dreamsGet = defineTool({
  name: 'dreams.get',
  module: 'dreams',
  description: 'Read one dream of the dream diary by its id.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({ id: idField('dream') }),
  output: z.object({ dream: dreamOut }),
  handler: async ({ id }, ctx) => {
    const row = await oneInSpace(ctx, dreams, id, 'dream');
    return { dream: toDream(row) };
  },
});
