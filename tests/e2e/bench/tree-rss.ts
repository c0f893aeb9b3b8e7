import { readdirSync, readFileSync } from 'node:fs';

/** RSS in kB of a process and, recursively, its children but those in `skip`. */
export function treeRssKb(pid: number, skip: ReadonlySet<number>): number {
  let total = 0;
  try {
    total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) {
        if (!skip.has(Number(child))) total += treeRssKb(Number(child), skip);
      }
    }
  } catch {
    // the process ended while we looked
  }
  return total;
}
