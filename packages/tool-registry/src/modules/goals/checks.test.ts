import { describeToolChecks } from '../../testing/check-acceptance';
import type { ToolTestBed } from '../../testing/tool-context';
import { goalsAbandon } from './abandon';
import { goalsComplete } from './complete';
import { goalsCreate } from './create';
import { goalsLogProgress } from './log-progress';
import { goalsReopen } from './reopen';
import { goalsUpdate } from './update';

/** An active goal at 20 % to act on, achieved first when `achieved`. */
async function aGoal(bed: ToolTestBed, achieved = false): Promise<string> {
  await bed.call(goalsCreate, { title: 'Spanisch A2', targetDate: '2027-06-30' });
  const { goal } = await bed.call(goalsCreate, {
    title: 'Halbmarathon laufen',
    targetDate: '2027-04-12',
  });
  await bed.call(goalsLogProgress, { goalId: goal.id, progress: 20, note: '10 km geschafft' });
  if (achieved) await bed.call(goalsComplete, { id: goal.id });
  return goal.id;
}

describeToolChecks('goals', [
  {
    tool: goalsCreate,
    input: async () => ({
      title: 'Bachelorarbeit abschließen',
      description: 'Bis zum Sommersemester',
      targetDate: '2027-03-31',
    }),
  },
  {
    tool: goalsUpdate,
    input: async (bed) => ({
      id: await aGoal(bed),
      title: 'Halbmarathon unter 2 Stunden',
      targetDate: null,
    }),
  },
  {
    tool: goalsLogProgress,
    input: async (bed) => ({ goalId: await aGoal(bed), progress: 45, note: '15 km gelaufen' }),
  },
  { tool: goalsComplete, input: async (bed) => ({ id: await aGoal(bed) }) },
  { tool: goalsAbandon, input: async (bed) => ({ id: await aGoal(bed) }) },
  { tool: goalsReopen, input: async (bed) => ({ id: await aGoal(bed, true) }) },
]);
