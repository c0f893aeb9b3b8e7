// The value language of a declared check (`packages/contracts/src/tool-checks.ts`): JSON
// literals, `$input.<path>` / `$output.<path>` references into the checked write's call,
// and `$$…` for a literal string that begins with `$`.

/** The write a check refers to: what the persona sent and what the app answered. */
export interface CheckScope {
  input: unknown;
  output: unknown;
}

/**
 * The value at a dot-separated path (numeric segments index arrays); `undefined` when any
 * step is missing. The empty path is the value itself.
 *
 * @example
 * valueAt({ todos: [{ id: 'a' }] }, 'todos.0.id') // 'a'
 */
export function valueAt(root: unknown, path: string): unknown {
  if (path === '') return root;
  let value = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(value) && /^\d+$/.test(segment)) value = value[Number(segment)];
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
    } else return undefined;
  }
  return value;
}

/**
 * A check value with its references filled in from the write: `$input.title` → the title
 * the persona sent, `$output.todo.id` → the id the app answered, `$$x` → the literal `$x`.
 * Objects and arrays are resolved member by member. A reference that names nothing (a
 * field the write did not have, or a `$` string that is no reference) resolves to
 * `undefined`, which callers treat as "nothing to compare".
 */
export function resolveValue(value: unknown, scope: CheckScope): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return value.slice(1);
    if (!value.startsWith('$')) return value;
    const match = /^\$(input|output)(?:\.(.+))?$/.exec(value);
    if (!match) return undefined;
    return valueAt(match[1] === 'input' ? scope.input : scope.output, match[2] ?? '');
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope));
  if (value && typeof value === 'object') {
    return resolveRecord(value as Record<string, unknown>, scope).values;
  }
  return value;
}

/**
 * Every entry of a record resolved: `values` keeps the entries that resolved to
 * something, `unresolved` names those that did not.
 */
export function resolveRecord(
  record: Readonly<Record<string, unknown>>,
  scope: CheckScope,
): { values: Record<string, unknown>; unresolved: string[] } {
  const values: Record<string, unknown> = {};
  const unresolved: string[] = [];
  for (const [key, raw] of Object.entries(record)) {
    const value = resolveValue(raw, scope);
    if (value === undefined) unresolved.push(key);
    else values[key] = value;
  }
  return { values, unresolved };
}

/**
 * Whether two values are the same JSON value, strings compared trimmed (an app that
 * trims what it stores is not wrong). Object keys holding `undefined` count as absent.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  }
  const ka = definedKeys(a as Record<string, unknown>);
  const kb = definedKeys(b as Record<string, unknown>);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((k) => record[k] !== undefined);
}
