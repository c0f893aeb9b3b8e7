/** The time frame an analysis looks at. */
export interface AnalysisWindow {
  /** The analysis is "as of" this moment (usually now; the end of simulated time after a simulation). */
  asOf: Date;
  /** The recent window: the last `recentDays` days up to `asOf`. */
  recentDays: number;
  /** The baseline: the `baselineDays` days before the recent window. */
  baselineDays: number;
}

const DAY = 24 * 3600 * 1000;

/** Recent = last 7 days, baseline = the 7 days before: this week against last week. */
export function defaultWindow(asOf: Date): AnalysisWindow {
  return { asOf, recentDays: 7, baselineDays: 7 };
}

/** The bounds of both windows as ISO strings: baseline = (start, split], recent = (split, end]. */
export function windowBounds(w: AnalysisWindow) {
  const end = w.asOf.getTime();
  const split = end - w.recentDays * DAY;
  const start = split - w.baselineDays * DAY;
  return {
    start: new Date(start).toISOString(),
    split: new Date(split).toISOString(),
    end: new Date(end).toISOString(),
  };
}

/** Parses `7d`, `36h`, `2w` into days. */
export function parseSpan(span: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([hdw])$/.exec(span.trim());
  if (!match) throw new Error(`"${span}" is not a span like 7d, 36h or 2w`);
  const value = Number(match[1]);
  return match[2] === 'h' ? value / 24 : match[2] === 'w' ? value * 7 : value;
}
