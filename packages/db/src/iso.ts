/** Timestamps come back as Date (node-postgres) or string (PGlite); answer ISO either way. */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
