import type { Database } from '@mana/db';
import { dataAsOf } from './as-of';
import { comparePeriods, type PeriodComparison } from './compare';
import { resolvePeriod } from './release-periods';
import { listReleases } from './releases';

/**
 * Compares two sides, each a release name or `<ISO>/<ISO>` (see `resolvePeriod`), as of
 * the latest data; `{error}` names the side that does not resolve.
 */
export async function compareSides(
  db: Database,
  before: string,
  after: string,
  now: Date = new Date(),
): Promise<PeriodComparison | { error: string; field: 'before' | 'after' }> {
  const [releases, asOf] = await Promise.all([listReleases(db), dataAsOf(db, now)]);
  const a = resolvePeriod(before, releases, asOf);
  if ('error' in a) return { error: a.error, field: 'before' };
  const b = resolvePeriod(after, releases, asOf);
  if ('error' in b) return { error: b.error, field: 'after' };
  return comparePeriods(db, a, b);
}
