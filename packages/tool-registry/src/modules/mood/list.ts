import { desc, gte, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ToolError } from '../../errors';
import { dateField, limitField } from '../../fields';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { dayStart, moodOut, toMood } from './shape';
import { moodEntries } from './table';

/** `mood.list`: past check-ins, newest first. */
export const moodList = defineTool({
  name: 'mood.list',
  module: 'mood',
  description:
    'List mood check-ins of the current space, newest first. Filter by a range of days (UTC) or by an emotion.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    from: dateField('Only check-ins on or after this day (UTC)').optional(),
    to: dateField('Only check-ins on or before this day (UTC)').optional(),
    emotion: z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .max(40)
      .optional()
      .describe('Only check-ins naming this feeling'),
    limit: limitField(),
  }),
  output: z.object({ entries: z.array(moodOut), count: z.number().int() }),
  handler: async (input, ctx) => {
    if (input.from && input.to && input.from > input.to) {
      throw new ToolError('INVALID_INPUT', `from (${input.from}) is after to (${input.to})`);
    }
    const where: SQL[] = [];
    if (input.from) where.push(gte(moodEntries.recordedAt, dayStart(input.from)));
    if (input.to) where.push(lt(moodEntries.recordedAt, dayStart(input.to, 1)));
    if (input.emotion) where.push(sql`${input.emotion} = any(${moodEntries.emotions})`);
    const rows = await ctx.db
      .select()
      .from(moodEntries)
      .where(inSpace(moodEntries, ctx, ...where))
      .orderBy(desc(moodEntries.recordedAt), desc(moodEntries.createdAt), desc(moodEntries.id))
      .limit(input.limit);
    return { entries: rows.map(toMood), count: rows.length };
  },
});
