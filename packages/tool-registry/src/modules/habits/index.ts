import { habitsArchive } from './archive';
import { habitsCreate } from './create';
import { habitsDelete } from './delete';
import { habitsList } from './list';
import { habitsLog } from './log';
import { habitsRecentLogs } from './recent-logs';
import { habitsUnarchive } from './unarchive';
import { habitsUpdate } from './update';

/** The habits module: habits with a daily or weekly target, their logs and streaks. */
export const habitsTools = [
  habitsCreate,
  habitsList,
  habitsLog,
  habitsRecentLogs,
  habitsUpdate,
  habitsArchive,
  habitsUnarchive,
  habitsDelete,
];
export { habitLogs, habits } from './table';
