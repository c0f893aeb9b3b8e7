import { createHash } from 'node:crypto';

/**
 * The id of one run of the tick loop: the runner and the clock time to the second,
 * e.g. `host-1234-20261125T091500Z`. A simulated run on a virtual clock gets the same
 * ids every time.
 */
export function runTickId(runnerId: string, at: Date): string {
  return `${runnerId}-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/**
 * A persona's tick id within a run: readable (the email's local part) and unique (a
 * short hash of the whole email). Action and feedback ids derive from it.
 */
export function personaTickId(runId: string, email: string): string {
  const local =
    email
      .split('@')[0]
      ?.replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 24) || 'persona';
  const hash = createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 6);
  return `${runId}-${local}-${hash}`;
}
