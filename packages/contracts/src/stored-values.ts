import { z } from 'zod';

/**
 * The rules every value that ends up in a PostgreSQL column obeys, written once so that
 * every schema refuses what the database would refuse with a 400 naming the field,
 * never a 500 after a half-done write.
 */

/** Why a string with U+0000 is refused: PostgreSQL `text` and `jsonb` cannot hold it. */
export const NUL_MESSAGE = 'must not contain NUL (\\u0000) characters';

/**
 * Why a string with a lone UTF-16 surrogate is refused: it is not Unicode, PostgreSQL
 * `jsonb` rejects its `\uD83D` escape (a transcript clipped inside an emoji was refused
 * with a 500, and retried for good).
 */
export const SURROGATE_MESSAGE = 'must be valid Unicode (no lone UTF-16 surrogate)';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether `text` has a lone surrogate (half of a pair, cut from its other half). */
function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text);
}

/** What is wrong with a string for PostgreSQL, or undefined when it can be stored. */
function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (hasLoneSurrogate(text)) return SURROGATE_MESSAGE;
  return undefined;
}

/** Bounds of a PostgreSQL `integer` column. */
export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/**
 * The instants the service stores (tick starts and ends): from 1970 to the end of 2999
 * (UTC). Outside it lie typos and attacks (year 0000 is not a PostgreSQL year; year 9999
 * with a negative offset becomes year 10000, which `Date#toISOString` writes as
 * `+010000-…` and no SQL engine parses).
 */
export const MIN_INSTANT = '1970-01-01T00:00:00.000Z';
export const MAX_INSTANT = '2999-12-31T23:59:59.999Z';

const minInstantMs = Date.parse(MIN_INSTANT);
const maxInstantMs = Date.parse(MAX_INSTANT);

/**
 * A string PostgreSQL can store: no NUL, no lone surrogate. Chain length rules after it.
 *
 * @example
 * const name = storedText().trim().min(1).max(100);
 */
export function storedText() {
  return z
    .string()
    .refine((s) => !s.includes('\u0000'), NUL_MESSAGE)
    .refine((s) => !hasLoneSurrogate(s), SURROGATE_MESSAGE);
}

/**
 * An integer that fits a PostgreSQL `integer` column (32-bit), within `min..max` when
 * given (each clamped to the 32-bit range).
 *
 * @example
 * const actionsCount = storedInt({ min: 0 });
 */
export function storedInt(bounds: { min?: number; max?: number } = {}) {
  return z
    .number()
    .int()
    .min(Math.max(bounds.min ?? INT32_MIN, INT32_MIN))
    .max(Math.min(bounds.max ?? INT32_MAX, INT32_MAX));
}

/** An ISO 8601 instant with an offset, between {@link MIN_INSTANT} and {@link MAX_INSTANT}. */
export function storedInstant() {
  return z.iso.datetime({ offset: true }).refine((s) => {
    const ms = Date.parse(s);
    // Text that is no date at all is the format check's to name, once.
    return Number.isNaN(ms) || (ms >= minInstantMs && ms <= maxInstantMs);
  }, `must lie between ${MIN_INSTANT} and ${MAX_INSTANT}`);
}

/**
 * Where the first string or object key PostgreSQL cannot store (NUL, lone surrogate) is
 * in a JSON-like value, and why; undefined when there is none. For bodies no schema of
 * ours describes (Better Auth's routes) and for free-form JSON such as traits.
 */
export function findUnstorable(
  value: unknown,
): { path: (string | number)[]; message: string } | undefined {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? { path: [], message } : undefined;
  }
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? [...value.entries()]
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    const keyProblem = typeof key === 'string' ? unstorable(key) : undefined;
    if (keyProblem && typeof key === 'string')
      return {
        path: [key.replaceAll('\u0000', '\\u0000').replace(LONE_SURROGATE, '\uFFFD')],
        message: keyProblem,
      };
    const below = findUnstorable(item);
    if (below) return { path: [key, ...below.path], message: below.message };
  }
  return undefined;
}

/** Free-form JSON stored in `jsonb`: no NUL in any key or string, at any depth. */
export function storedJson<S extends z.ZodType>(schema: S) {
  return schema.superRefine((value, ctx) => {
    const found = findUnstorable(value);
    if (found) ctx.addIssue({ code: 'custom', path: found.path, message: found.message });
  });
}

/**
 * The text with every NUL and lone surrogate replaced by U+FFFD, for a sender that must store what an app
 * said (a tool's error message, a check's "seen") and would otherwise have its whole batch
 * refused for one byte the app sent.
 */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');
}
