import type { Rng } from './prng';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant (UTC). */
export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `offset` days after `now`'s day, as `YYYY-MM-DD`. */
export function dayOffset(now: Date, offset: number): string {
  return isoDay(new Date(now.getTime() + offset * DAY_MS));
}

/**
 * Days relative to "today" a date field gets, by what its name means: due dates and
 * targets lie ahead, things that happened lie behind, filter windows span today.
 */
const DATE_OFFSETS: Record<string, readonly [number, number]> = {
  dueOn: [1, 21],
  dueBefore: [2, 14],
  targetDate: [30, 120],
  from: [-30, -3],
  to: [0, 3],
  issuedOn: [-2, 0],
  entryDate: [-1, 0],
  dreamtOn: [-1, 0],
  startedOn: [-30, -7],
  finishedOn: [0, 0],
  on: [0, 0],
};

/** A date for a `format: date` field, relative to the persona's "now". */
export function dateFor(field: string, now: Date, rng: Rng): string {
  const [lo, hi] = DATE_OFFSETS[field] ?? [0, 0];
  return dayOffset(now, rng.int(lo, hi));
}

/**
 * An instant for a `format: date-time` field: events start in the coming days at office
 * hours; check-ins and interactions lie a day back (the app refuses future check-ins, and
 * "now" of a simulated day may run ahead of the server's clock); windows span today.
 */
export function dateTimeFor(field: string, now: Date, rng: Rng): string {
  const midnight = Date.parse(`${isoDay(now)}T00:00:00.000Z`);
  switch (field) {
    case 'startsAt':
    case 'endsAt': {
      const start = midnight + rng.int(1, 14) * DAY_MS + rng.int(8, 17) * 3_600_000;
      const at = start + rng.pick([0, 15, 30, 45]) * 60_000;
      return new Date(field === 'endsAt' ? at + 3_600_000 : at).toISOString();
    }
    case 'from':
      return new Date(midnight - rng.int(1, 7) * DAY_MS).toISOString();
    case 'to':
      return new Date(midnight + rng.int(7, 30) * DAY_MS).toISOString();
    default:
      return new Date(now.getTime() - rng.int(20 * 60, 30 * 60) * 60_000).toISOString();
  }
}

/** Plausible ranges for numbers whose schema bounds are far wider than real use. */
const NUMBER_RANGES: Record<string, readonly [number, number, number?]> = {
  limit: [5, 50],
  days: [7, 30],
  durationMinutes: [15, 120, 15],
  quantity: [1, 12],
  unitPriceCents: [4_000, 150_000, 500],
  dueInDays: [7, 30],
  targetPerPeriod: [1, 5],
  count: [1, 3],
  progress: [10, 95, 5],
};

/**
 * A number for a field within its schema bounds, preferring a plausible range by name
 * (`[min, max, step]`), so invoice totals stay sane and events are not 30 days long.
 */
export function numberFor(
  field: string,
  bounds: { min: number; max: number; integer: boolean },
  rng: Rng,
): number {
  const hint = NUMBER_RANGES[field];
  let lo = bounds.min;
  let hi = bounds.max;
  let step = 1;
  if (hint) {
    lo = Math.max(lo, hint[0]);
    hi = Math.min(hi, hint[1]);
    step = hint[2] ?? 1;
  } else if (hi - lo > 20) {
    hi = lo + 20;
  }
  if (hi < lo) hi = lo;
  const steps = Math.floor((hi - lo) / step);
  const value = lo + rng.int(0, steps) * step;
  return bounds.integer ? Math.round(value) : value;
}

/** The chance a boolean field is true, by name; 0.5 when unknown. */
const TRUE_CHANCE: Record<string, number> = {
  allDay: 0.1,
  lucid: 0.2,
  pinned: 0.3,
  archived: 0.9,
  includeArchived: 0.15,
  includeCancelled: 0.15,
};

/** A boolean for a field, biased by what the field means. */
export function booleanFor(field: string, rng: Rng): boolean {
  return rng.chance(TRUE_CHANCE[field] ?? 0.5);
}

/**
 * Optional fields a persona never fills in: the app numbers invoices itself, and a
 * status change's day (`on`) is best left to the app, whose clock also stamped the
 * item's earlier dates (a simulated "now" need not match it).
 */
export const LEFT_TO_THE_APP: ReadonlySet<string> = new Set(['number', 'currency', 'on']);

/**
 * Optional fields a persona always fills in when creating: an invoice's date anchors its
 * due date, so both come from the persona's day rather than one from the app's clock.
 */
export const ALWAYS_GIVEN: ReadonlySet<string> = new Set(['issuedOn']);

/** Fields the app accepts only one of at a time. */
const EXCLUSIVE: readonly (readonly [string, string])[] = [
  ['endsAt', 'durationMinutes'],
  ['dueOn', 'dueInDays'],
  ['body', 'appendText'],
];

/**
 * Ordered pairs (`start`, `end`) and which side may stand alone. In an update the other
 * side is the stored value, so an end-only change (`endsAt`) could land before the stored
 * start; a start-only `issuedOn` could land after the stored due date; a lone reading
 * day could cross one the app stamped from its own clock. A window's lone `to` is
 * measured from the server's today, which a simulated day need not share.
 */
const ORDERED: readonly {
  start: string;
  end: string;
  alone: 'start' | 'end' | 'neither';
  /** A filter window: the rule holds in reads too, not only in updates. */
  window?: true;
}[] = [
  { start: 'startsAt', end: 'endsAt', alone: 'start' },
  { start: 'issuedOn', end: 'dueOn', alone: 'end' },
  { start: 'startedOn', end: 'finishedOn', alone: 'neither' },
  { start: 'from', end: 'to', alone: 'start', window: true },
];

/**
 * Makes a generated input coherent across fields the way a person would: one of two
 * exclusive fields, an end after its start, and (in an `update`, or for a filter
 * window) no lone half of a pair that could clash with stored data or the app's clock.
 * Mutates and returns `input`.
 */
export function reconcile(
  input: Record<string, unknown>,
  rng: Rng,
  update: boolean,
): Record<string, unknown> {
  for (const [a, b] of EXCLUSIVE) {
    if (input[a] !== undefined && input[b] !== undefined) delete input[rng.chance(0.5) ? a : b];
  }
  for (const { start, end, alone, window } of ORDERED) {
    const hasStart = input[start] !== undefined && input[start] !== null;
    const hasEnd = input[end] !== undefined && input[end] !== null;
    if (hasStart && hasEnd) {
      const s = String(input[start]);
      const e = String(input[end]);
      if (start === 'startsAt') {
        input[end] = new Date(Date.parse(s) + rng.int(2, 8) * 15 * 60_000).toISOString();
      } else if (e < s) {
        input[start] = e;
        input[end] = s;
      }
    } else if (!update && !window) {
      // A create's lone start is the anchor the app derives the end from.
    } else if (hasStart && alone !== 'start') {
      delete input[start];
    } else if (hasEnd && alone !== 'end') {
      delete input[end];
    }
  }
  return input;
}
