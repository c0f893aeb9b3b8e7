import { z } from 'zod';

/** Building blocks shared by the modules' input and output schemas. */

/** An id the app handed out (a UUID). */
export const idField = (what: string) =>
  z.uuid().describe(`Id of the ${what}, as returned by an earlier call`);

/** A page size: how many items to return. */
export const limitField = (max = 100, fallback = 20) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`How many items to return (1–${max})`);

/**
 * The years a day or instant may fall in. PostgreSQL has no year 0000, and an instant in
 * 9999 with an offset is year 10000 in UTC, which its timestamp input does not parse; so
 * tools take a range no calendar of a person needs to leave, with room for the days
 * handlers add (a week, a period) without reaching either edge.
 */
export const YEAR_RANGE = { min: 1900, max: 2999 } as const;

const YEAR_MESSAGE = `Use a year between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`;

/**
 * Both ISO formats start with the four-digit year. zod runs this even when the format
 * check failed; a malformed value then passes here, so its one issue is the format's.
 */
function yearInRange(value: string): boolean {
  const year = /^(\d{4})-/.exec(value)?.[1];
  return year === undefined || (Number(year) >= YEAR_RANGE.min && Number(year) <= YEAR_RANGE.max);
}

/** A calendar day, `YYYY-MM-DD`, in {@link YEAR_RANGE}. */
export const dateField = (what: string) =>
  z.iso
    .date()
    .refine(yearInRange, YEAR_MESSAGE)
    .describe(`${what}, as YYYY-MM-DD (years ${YEAR_RANGE.min}–${YEAR_RANGE.max})`);

/** An instant with a timezone offset, ISO 8601, in {@link YEAR_RANGE}. */
export const dateTimeField = (what: string) =>
  z.iso
    .datetime({ offset: true })
    .refine(yearInRange, YEAR_MESSAGE)
    .describe(`${what}, ISO 8601 with offset, e.g. 2026-11-25T09:30:00+01:00`);

/** Free-form labels. */
export const tagsField = () =>
  z.array(z.string().trim().min(1).max(40)).max(20).describe('Labels, e.g. ["uni", "urgent"]');

/** Case-insensitive text to look for. */
export const searchField = (where: string) =>
  z.string().trim().min(1).max(200).describe(`Text to look for in ${where} (case-insensitive)`);

/** A short single-line title. */
export const titleField = (what: string, max = 200) =>
  z.string().trim().min(1).max(max).describe(what);

/** A longer text body. */
export const textField = (what: string, max = 20_000) => z.string().max(max).describe(what);

/** Timestamps in outputs are ISO strings. */
export const isoOut = z.string().describe('ISO 8601 timestamp');

/** Converts a database timestamp for output. */
export function iso(value: Date): string;
export function iso(value: Date | null): string | null;
export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
