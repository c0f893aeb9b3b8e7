import { asc, count, desc, gte, lt, max, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inSpace } from '../../space-scope';
import { defineTool } from '../../tool-spec';
import { dayStart } from './shape';
import { moodEntries } from './table';

/** `mood.summary`: how the last days felt, in numbers. */
export const moodSummary = defineTool({
  name: 'mood.summary',
  module: 'mood',
  description:
    'Summarise the mood check-ins of the last days (today included, UTC): how many, the average, lowest and highest score, and the most frequent emotions.',
  scope: 'user-space',
  policyHint: 'read',
  input: z.object({
    days: z
      .number()
      .int()
      .min(1)
      .max(366)
      .default(7)
      .describe('How many days back to look, today included (1–366)'),
  }),
  output: z.object({
    from: z.string().describe('First day looked at, YYYY-MM-DD'),
    to: z.string().describe('Last day looked at (today), YYYY-MM-DD'),
    count: z.number().int().describe('How many check-ins there were'),
    averageScore: z.number().nullable().describe('Mean score, 2 decimals; null without check-ins'),
    minScore: z.number().int().nullable(),
    maxScore: z.number().int().nullable(),
    topEmotions: z
      .array(z.object({ emotion: z.string(), count: z.number().int() }))
      .describe('Up to 5 emotions named most often, most frequent first'),
  }),
  handler: async ({ days }, ctx) => {
    const to = ctx.now().toISOString().slice(0, 10);
    const start = dayStart(to, 1 - days);
    const inWindow = inSpace(
      moodEntries,
      ctx,
      gte(moodEntries.recordedAt, start),
      lt(moodEntries.recordedAt, dayStart(to, 1)),
    );
    const [stats] = await ctx.db
      .select({
        count: count(),
        // numeric rounding in SQL is exact where a float's would not be (3.005 → 3.01).
        average: sql<string | null>`round(avg(${moodEntries.score}), 2)`,
        min: min(moodEntries.score),
        max: max(moodEntries.score),
      })
      .from(moodEntries)
      .where(inWindow);
    const named = ctx.db
      .select({ emotion: sql<string>`unnest(${moodEntries.emotions})`.as('emotion') })
      .from(moodEntries)
      .where(inWindow)
      .as('named');
    const topEmotions = await ctx.db
      .select({ emotion: named.emotion, count: count() })
      .from(named)
      .groupBy(named.emotion)
      .orderBy(desc(count()), asc(named.emotion))
      .limit(5);
    return {
      from: start.toISOString().slice(0, 10),
      to,
      count: stats?.count ?? 0,
      averageScore: stats?.average == null ? null : Number(stats.average),
      minScore: stats?.min ?? null,
      maxScore: stats?.max ?? null,
      topEmotions,
    };
  },
});
