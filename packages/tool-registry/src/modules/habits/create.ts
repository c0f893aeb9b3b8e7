import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineTool } from '../../tool-spec';
import { descriptionField, habitOut, nameField, periodField, targetField, toHabit } from './shape';
import { habits } from './table';
import { assertNameFree } from './unique-name';

/** `habits.create`: start tracking a habit. */
export const habitsCreate = defineTool({
  name: 'habits.create',
  module: 'habits',
  description:
    'Start tracking a habit in the current space, with how often it should be done per day or per week. Names are unique in a space.',
  scope: 'user-space',
  policyHint: 'write',
  input: z.object({
    name: nameField(),
    description: descriptionField().optional(),
    period: periodField().default('daily'),
    targetPerPeriod: targetField().default(1),
  }),
  output: z.object({ habit: habitOut }),
  checks: {
    checks: [
      {
        read: 'habits.list',
        input: { status: 'active', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: {
          name: '$input.name',
          description: '$output.habit.description',
          period: '$output.habit.period',
          targetPerPeriod: '$output.habit.targetPerPeriod',
          archived: false,
        },
      },
      {
        read: 'habits.list',
        input: { status: 'all', limit: 100 },
        find: { list: 'habits', where: { id: '$output.habit.id' } },
        expect: { name: '$output.habit.name' },
      },
    ],
  },
  handler: async (input, ctx) => {
    await assertNameFree(ctx, input.name);
    const now = ctx.now();
    const [row] = await ctx.db
      .insert(habits)
      .values({
        id: randomUUID(),
        spaceId: ctx.spaceId,
        createdBy: ctx.userId,
        name: input.name,
        description: input.description ?? null,
        period: input.period,
        targetPerPeriod: input.targetPerPeriod,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { habit: toHabit(row) };
  },
});
