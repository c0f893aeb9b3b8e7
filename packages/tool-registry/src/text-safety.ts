/**
 * Where a tool input holds text the database cannot store: the path of the first string
 * (or object key) containing U+0000. PostgreSQL's `text` and `jsonb` refuse NUL, so such
 * an input would fail inside the handler as an opaque database error; checked once here
 * for every tool, before any handler runs. Undefined when the input is clean.
 *
 * @example
 * findNulPath({ tags: ['ok', 'b\u0000d'] }); // 'tags.1'
 */
export function findNulPath(value: unknown, path: readonly string[] = []): string | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? label(path) : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulPath(item, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return label([...path, key.replaceAll('\u0000', '\\u0000')]);
      const found = findNulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function label(path: readonly string[]): string {
  return path.length > 0 ? path.join('.') : '(root)';
}
