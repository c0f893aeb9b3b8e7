// Copied from @mana/fake-anthropic's src/testing (no deep imports across packages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** True where {@link pidsWithEnvEntry} can see processes (Linux `/proc`). */
export const canListProcesses = existsSync('/proc/self/environ');

/**
 * Ids of the live processes whose environment holds `entry` (`NAME=value`). Tests put a
 * unique entry in the CLI's environment and use this to check that the subprocess is gone.
 */
export function pidsWithEnvEntry(entry: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(entry)) {
        pids.push(Number(name));
      }
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}
