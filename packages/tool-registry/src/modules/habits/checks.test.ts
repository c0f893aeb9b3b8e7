import { randomUUID } from 'node:crypto';
import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { habitsArchive } from './archive';
import { habitsCreate } from './create';
import { habitsLog } from './log';
import { habitsUnarchive } from './unarchive';
import { habitsUpdate } from './update';

/** A habit to act on, under a name of its own (names are unique in a space). */
async function aHabit(bed: ToolTestBed, archived = false): Promise<string> {
  const { habit } = await bed.call(habitsCreate, {
    name: `Meditieren ${randomUUID().slice(0, 8)}`,
    period: 'daily',
  });
  await bed.call(habitsLog, { habitId: habit.id, on: '2026-11-24' });
  if (archived) await bed.call(habitsArchive, { id: habit.id });
  return habit.id;
}

describeToolChecks('habits', [
  {
    tool: habitsCreate,
    input: async () => ({
      name: `Laufen ${randomUUID().slice(0, 8)}`,
      description: 'Mindestens 5 km',
      period: 'weekly',
      targetPerPeriod: 3,
    }),
  },
  {
    tool: habitsUpdate,
    input: async (bed) => ({
      id: await aHabit(bed),
      name: `Meditation ${randomUUID().slice(0, 8)}`,
      targetPerPeriod: 2,
    }),
  },
  {
    tool: habitsLog,
    input: async (bed) => ({ habitId: await aHabit(bed), count: 2, note: 'Morgens und abends' }),
  },
  { tool: habitsArchive, input: async (bed) => ({ id: await aHabit(bed) }) },
  { tool: habitsUnarchive, input: async (bed) => ({ id: await aHabit(bed, true) }) },
]);
