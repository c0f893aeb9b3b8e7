import { moodDelete } from './delete';
import { moodList } from './list';
import { moodLog } from './log';
import { moodSummary } from './summary';
import { moodUpdate } from './update';

/** The mood module: check-ins with a score and feelings, and a summary over days. */
export const moodTools = [moodLog, moodList, moodSummary, moodUpdate, moodDelete];
export { moodEntries } from './table';
