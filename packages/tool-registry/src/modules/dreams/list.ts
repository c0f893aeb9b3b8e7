import { desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, limitField, searchField } from '../../fields';
import { inSpace } from '../../space-scope';
import { textMatch } from '../../text-match';
import { defineTool } from '../../tool-spec';
import { dreamOut, toDream } from './shape';
import { dreams } from './table';

/** `dreams.list`: read back the dream diary, newest first. */
export const dreamsList = defineTool({
  name: 'dreams.list',
  module: 'dreams',
  description:
    'List dreams of the current space, newest first. Filter by a range of days, lucid or not, a tag, an emotion or text in the title and description.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    from: dateField('Only dreams on or after this day').optional(),
    to: dateField('Only dreams on or before this day').optional(),
    lucid: z.boolean().optional().describe('true: only lucid dreams; false: only non-lucid ones'),
    tag: z.string().trim().min(1).max(40).optional().describe('Only dreams with this tag'),
    emotion: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(40)
      .optional()
      .describe('Only dreams with this feeling'),
    query: searchField('title and description').optional(),
    limit: limitField(),
  }),
  output: z.object({ dreams: z.array(dreamOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    if (input.from && input.to && input.from > input.to) {
      throw new ToolError('INVALID_INPUT', `from (${input.from}) is after to (${input.to})`);
    }
    const where: SQL[] = [];
    if (input.from) where.push(gte(dreams.dreamtOn, input.from));
    if (input.to) where.push(lte(dreams.dreamtOn, input.to));
    if (input.lucid !== undefined) where.push(eq(dreams.lucid, input.lucid));
    if (input.tag) where.push(sql`${input.tag} = any(${dreams.tags})`);
    if (input.emotion) where.push(sql`${input.emotion} = any(${dreams.emotions})`);
    if (input.query) where.push(textMatch(input.query, dreams.title, dreams.description));
    const rows = await ctx.db
      .select()
      .from(dreams)
      .where(inSpace(dreams, ctx, ...where))
      .orderBy(desc(dreams.dreamtOn), desc(dreams.createdAt), desc(dreams.id))
      .limit(input.limit);
    return { dreams: rows.map(toDream), count: rows.length };
  },
});
