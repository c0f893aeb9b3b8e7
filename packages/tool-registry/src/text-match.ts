import { ilike, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Escapes `%`, `_` and `\` so user text can sit inside an ILIKE pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The clause "one of these columns contains the text, ignoring case": an ILIKE per
 * column, or-ed, with the text escaped so `%` and `_` match themselves. A null column
 * does not match.
 *
 * @example
 * const where = inSpace(notes, ctx, textMatch(input.query, notes.title, notes.body));
 */
export function textMatch(query: string, ...columns: [AnyPgColumn, ...AnyPgColumn[]]): SQL {
  const pattern = likePattern(query);
  const [first, ...rest] = columns;
  if (rest.length === 0) return ilike(first, pattern);
  return or(...columns.map((column) => ilike(column, pattern))) as SQL;
}
