import { createHash } from 'node:crypto';

/**
 * The sha256 (hex) of a tool input in canonical JSON (object keys sorted, `undefined`
 * members left out), so the same arguments hash the same however a client ordered
 * them. The gateway logs it; the runner stores it on each action row.
 *
 * @example
 * hashToolInput({ b: 1, a: 2 }) === hashToolInput({ a: 2, b: 1 }); // true
 */
export function hashToolInput(input: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(input ?? {}))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
