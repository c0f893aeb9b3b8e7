import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseError } from './errors';

const LOCK_FILE = 'mana.lock';

/**
 * Claims an on-disk PGlite directory for this process. PGlite serves exactly one
 * process; two processes on one directory corrupt it. A lock left by a process that no
 * longer runs is taken over. Returns the release function.
 */
export function lockPgliteDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
        throw new DatabaseError(
          'DATABASE_LOCKED',
          `The embedded database in ${dir} is in use by process ${holder} (is npm start running?). ` +
            'Stop that process first, or point DATABASE_URL somewhere else.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseError('DATABASE_LOCKED', `Could not lock the embedded database in ${dir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
