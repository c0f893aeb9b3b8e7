import { goalsAbandon } from './abandon';
import { goalsComplete } from './complete';
import { goalsCreate } from './create';
import { goalsDelete } from './delete';
import { goalsGet } from './get';
import { goalsList } from './list';
import { goalsLogProgress } from './log-progress';
import { goalsReopen } from './reopen';
import { goalsUpdate } from './update';

/** The goals module: goals with a target date, progress check-ins and an outcome. */
export const goalsTools = [
  goalsCreate,
  goalsList,
  goalsGet,
  goalsUpdate,
  goalsLogProgress,
  goalsComplete,
  goalsAbandon,
  goalsReopen,
  goalsDelete,
];
export { goalCheckins, goals } from './table';
