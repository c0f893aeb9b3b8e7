/**
 * Distinguishable series colours (Tableau 10 and a few more), readable on white. A series
 * keeps its colour when it is given the same index on every page.
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
  '#6b6ecf',
  '#2ca02c',
  '#d62728',
  '#17becf',
  '#8c564b',
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
