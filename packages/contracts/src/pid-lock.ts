import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Claims `file` for this process: creates it exclusively (O_EXCL) holding this pid, or
 * takes it over when the pid in it is this process's or no longer runs (a crash, a kill
 * -9). Answers the release function, or the pid of the live process that holds it. A pid
 * file rather than a lock library: what it guards (an embedded database directory, a
 * runner's journal) is local to one machine, and O_EXCL creation is atomic there.
 *
 * @example
 * const lock = takePidLock(join(dir, 'journal.lock'));
 * if ('holder' in lock) throw new Error(`in use by process ${lock.holder}`);
 */
export function takePidLock(file: string): { release: () => void } | { holder: number } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => releasePidLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (holder === process.pid) return { release: () => releasePidLock(file) };
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) return { holder };
    // Stale: its process is gone. Remove it and try once more (another starter may win).
    rmSync(file, { force: true });
  }
  return { holder: Number.parseInt(readFileSync(file, 'utf8'), 10) };
}

/** Removes `file` when this process holds it. */
function releasePidLock(file: string): void {
  try {
    if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file);
  } catch {
    // no lock, or not ours: nothing to give back
  }
}

/** Whether a process with this pid runs (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
