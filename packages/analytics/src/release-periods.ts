import type { ReleaseMarker } from '@mana/contracts';
import type { Period } from './compare';

/**
 * Splits `v1.3..v1.4` into its two sides; null when it is not `<a>..<b>` with both sides
 * non-empty.
 */
export function parseCompareSpec(spec: string): [string, string] | null {
  const parts = spec.trim().split('..');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => p.trim());
  return a && b ? [a, b] : null;
}

/**
 * One side of a comparison as a period: a release runs from its marker to the next
 * marker (or to `asOf`, the latest data, for the newest); `<ISO>/<ISO>` is that span.
 * A string that is neither (an unknown release, a bad time) gives an error message.
 */
export function resolvePeriod(
  side: string,
  releases: readonly ReleaseMarker[],
  asOf: Date,
): Period | { error: string } {
  if (side.includes('/')) {
    const [from, to] = side.split('/');
    const start = new Date(from ?? '');
    const end = new Date(to ?? '');
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) {
      return { error: `"${side}" is not a span <ISO start>/<ISO end> with start before end` };
    }
    return { label: side, start: start.toISOString(), end: end.toISOString() };
  }
  const sorted = [...releases].sort((x, y) => x.at.localeCompare(y.at));
  const index = sorted.findIndex((r) => r.name === side);
  const release = sorted[index];
  if (!release) return { error: `no release marker is named "${side}"` };
  const next = sorted[index + 1];
  const end = next
    ? next.at
    : new Date(Math.max(asOf.getTime() + 1, Date.parse(release.at) + 1)).toISOString();
  return { label: side, start: release.at, end };
}
