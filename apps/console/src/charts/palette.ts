/**
 * Distinguishable series colours (Tableau 10 and four more chosen so no two look alike:
 * every pair at least 15 apart in CIEDE2000, see palette.test.ts), readable on white. A
 * series keeps its colour when it is given the same index on every page.
 */
export const SERIES_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#1b3a6b',
  '#7f7f7f',
  '#8b1e3f',
  '#3d3d00',
  '#0b6e4f',
] as const;

/** The colour of the series at `index` (wraps around). */
export function seriesColor(index: number): string {
  return SERIES_COLORS[Math.abs(index) % SERIES_COLORS.length] as string;
}

/** Colour of a 1–5 rating: red for poor, amber for middling, green for good. */
export function ratingColor(rating: number | null): string {
  if (rating === null || !Number.isFinite(rating)) return '#9aa3ad';
  if (rating < 2.5) return '#c0392b';
  if (rating < 3.5) return '#d68910';
  return '#1e8449';
}
