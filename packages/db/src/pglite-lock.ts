import { join } from 'node:path';
import { takePidLock } from '@mana/contracts';
import { DatabaseError } from './errors';

const LOCK_FILE = 'mana.lock';

/**
 * Claims an on-disk PGlite directory for this process. PGlite serves exactly one
 * process; two processes on one directory corrupt it. A lock left by a process that no
 * longer runs is taken over. Returns the release function.
 */
export function lockPgliteDir(dir: string): () => void {
  const lock = takePidLock(join(dir, LOCK_FILE));
  if ('release' in lock) return lock.release;
  throw new DatabaseError(
    'DATABASE_LOCKED',
    `The embedded database in ${dir} is in use by process ${lock.holder} (is npm start running?). ` +
      'Stop that process first, or point DATABASE_URL somewhere else.',
  );
}
