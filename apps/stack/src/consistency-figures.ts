import {
  CONSISTENCY_FLAGS,
  type ConsistencyFigures,
  type ConsistencyRow,
  consistencyFlags,
} from '@mana/contracts';

/** What one try left for one persona-day: its ratings and checks per module. */
export interface TryDay {
  /** The persona's tick id: the same in every try (virtual clock, same seed). */
  tickId: string;
  persona: string;
  /** Module → the rating the persona gave. */
  ratings: Record<string, number>;
  /** Module → checks made and checks failed that day. */
  checks: Record<string, { made: number; failed: number }>;
}

interface Cell {
  ratings: number[][];
  passes: boolean[][];
}

/**
 * Consistency over k tries of the same persona-days (τ-bench's pass^k: the share of tasks
 * solved in all k trials). A task is one persona-day in one module that made at least one
 * check in some try; a try solves it when the module was used with checks that day and
 * none failed. Rating spread is taken over days rated in every try.
 */
export function consistencyFigures(tries: readonly TryDay[][]): ConsistencyFigures {
  const k = tries.length;
  const cells = new Map<
    string,
    Map<string, { ratings: (number | undefined)[]; pass: (boolean | undefined)[] }>
  >();
  tries.forEach((days, t) => {
    for (const day of days) {
      const modules = new Set([...Object.keys(day.ratings), ...Object.keys(day.checks)]);
      for (const module of modules) {
        const key = `${day.persona}\u0000${module}`;
        const perDay = cells.get(key) ?? new Map();
        cells.set(key, perDay);
        // Filled, not sparse: `every` and `map` skip the holes of `Array(k)`.
        const cell = perDay.get(day.tickId) ?? {
          ratings: Array.from({ length: k }, () => undefined),
          pass: Array.from({ length: k }, () => undefined),
        };
        perDay.set(day.tickId, cell);
        cell.ratings[t] = day.ratings[module];
        const c = day.checks[module];
        cell.pass[t] = c && c.made > 0 ? c.failed === 0 : undefined;
      }
    }
  });
  const all: Cell = { ratings: [], passes: [] };
  const rows: ConsistencyRow[] = [];
  for (const [key, perDay] of [...cells.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [persona = '', module = ''] = key.split('\u0000');
    const cell: Cell = { ratings: [], passes: [] };
    for (const day of perDay.values()) {
      if (day.ratings.every((r) => r !== undefined)) cell.ratings.push(day.ratings as number[]);
      // A try without a check of the module that day did not show its work held up.
      if (day.pass.some((p) => p !== undefined)) cell.passes.push(day.pass.map((p) => p === true));
    }
    all.ratings.push(...cell.ratings);
    all.passes.push(...cell.passes);
    rows.push({ persona, module, ...figuresOf(cell) });
  }
  return { tries: k, rows, overall: figuresOf(all) };
}

function figuresOf(cell: Cell): Omit<ConsistencyRow, 'persona' | 'module'> {
  const flat = cell.ratings.flat();
  const passK = cell.passes.filter((p) => p.every(Boolean)).length;
  const passAny = cell.passes.filter((p) => p.some(Boolean)).length;
  return {
    ratedDays: cell.ratings.length,
    ratingMean: flat.length ? round(flat.reduce((a, b) => a + b, 0) / flat.length) : null,
    ratingSd: cell.ratings.length ? round(mean(cell.ratings.map(sd))) : null,
    ratingRange: cell.ratings.length
      ? Math.max(...cell.ratings.map((r) => Math.max(...r) - Math.min(...r)))
      : null,
    checkedDays: cell.passes.length,
    passK: cell.passes.length ? round(passK / cell.passes.length) : null,
    passAtK: cell.passes.length ? round(passAny / cell.passes.length) : null,
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Population standard deviation: the spread of these k tries, not an estimate of more. */
function sd(xs: readonly number[]): number {
  const m = mean(xs);
  return Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The figures as terminal lines: one per persona and module, then the total. */
export function formatConsistency(f: ConsistencyFigures): string[] {
  const n = (x: number | null, d = 2) => (x === null ? '–' : x.toFixed(d));
  const p = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(0)}%`);
  const header = `${'persona'.padEnd(28)} ${'module'.padEnd(12)} ${'days'.padStart(5)} ${'mean'.padStart(5)} ${'sd'.padStart(5)} ${'range'.padStart(5)} ${'checked'.padStart(8)} ${`pass^${f.tries}`.padStart(7)} ${`pass@${f.tries}`.padStart(7)}`;
  const line = (persona: string, module: string, r: ConsistencyFigures['overall']) =>
    `${persona.slice(0, 28).padEnd(28)} ${module.slice(0, 12).padEnd(12)} ${String(r.ratedDays).padStart(5)} ${n(r.ratingMean).padStart(5)} ${n(r.ratingSd).padStart(5)} ${n(r.ratingRange, 0).padStart(5)} ${String(r.checkedDays).padStart(8)} ${p(r.passK).padStart(7)} ${p(r.passAtK).padStart(7)}${flagText(r)}`;
  return [
    `consistency over ${f.tries} tries of the same persona-days (same seed and clock, a fresh database each):`,
    header,
    ...f.rows.map((r) => line(r.persona, r.module, r)),
    line('all', '', f.overall),
    'days: rated in every try · sd: mean spread of a day’s ratings across tries · range: widest spread of one day',
    `pass^${f.tries}: share of checked days whose checks all passed in all ${f.tries} tries (τ-bench); pass@${f.tries}: in at least one`,
    `flagged: ! pass^k below ${CONSISTENCY_FLAGS.minPassK * 100}% · ~ spread: sd above ${CONSISTENCY_FLAGS.maxRatingSd} or a day's range above ${CONSISTENCY_FLAGS.maxRatingRange}`,
  ];
}

function flagText(r: ConsistencyFigures['overall']): string {
  const flags = consistencyFlags(r);
  if (flags.length === 0) return '';
  return `  ${flags.map((f) => (f === 'low-pass-k' ? '! pass^k' : '~ spread')).join(' ')}`;
}
