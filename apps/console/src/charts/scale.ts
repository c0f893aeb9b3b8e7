/** Maps a number from a domain onto a pixel range (a flat domain maps to the range's middle). */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** The x position of category `index` of `count`, evenly spread; one category sits in the middle. */
export function bandPosition(index: number, count: number, from: number, to: number): number {
  if (count <= 1) return (from + to) / 2;
  return from + (index * (to - from)) / (count - 1);
}

/**
 * Which category labels to print so they do not overlap: at most `max`, evenly spaced,
 * always including the last one (the most recent day).
 */
export function labelIndexes(count: number, max: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const picked: number[] = [];
  for (let i = (count - 1) % step; i < count; i += step) picked.push(i);
  return picked;
}

const DAY_MS = 24 * 3600 * 1000;

/** The UTC day (`YYYY-MM-DD`) of a moment. */
export function utcDay(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * Every UTC day from `from` to `to` inclusive, as `YYYY-MM-DD`; empty when `to` is before
 * `from`. Capped at `limit` days (the latest ones) so a huge span cannot build a huge chart.
 */
export function dayRange(from: Date | string, to: Date | string, limit = 366): string[] {
  const start = Date.parse(`${utcDay(from)}T00:00:00Z`);
  const end = Date.parse(`${utcDay(to)}T00:00:00Z`);
  const days: string[] = [];
  for (let t = end; t >= start && days.length < limit; t -= DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days.reverse();
}

/** `2026-03-07` → `Mar 7`, for axis labels. */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Rounds to at most two decimals for SVG coordinates (smaller markup, same picture). */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Splits a sequence into runs of consecutive present values: `[1, null, 2, 3]` →
 * `[[{i:0,v:1}], [{i:2,v:2},{i:3,v:3}]]`. Gaps in the data become gaps in a line.
 */
export function runs(values: readonly (number | null)[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push({ i, v });
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

/** An SVG path through points: `M x y L x y …`. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, k) => `${k === 0 ? 'M' : 'L'}${px(p.x)} ${px(p.y)}`).join(' ');
}
