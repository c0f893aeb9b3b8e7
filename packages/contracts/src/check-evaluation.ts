import type { ToolCheck } from './tool-checks';

/** The write a check verifies: what was sent and what it answered. */
export interface CheckedCall {
  input: unknown;
  output: unknown;
}

/** What a read showed of a write's effect. */
export interface CheckVerdict {
  /** True when the read showed what the check expects. */
  shown: boolean;
  /** What should have been seen, in words (for the operator). */
  expected: string;
  /** What was seen instead (or, when shown, what was seen). */
  seen: string;
}

/** Reads `a.b.0.c` from a JSON value; undefined when any step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? /^\d+$/.test(key)
        ? current[Number(key)]
        : undefined
      : (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A check value with its references resolved: `$input.<path>` and `$output.<path>` read
 * from the checked call, `$$…` is the literal `$…`, objects and arrays are resolved
 * member by member, anything else is itself.
 */
export function resolveCheckValue(value: unknown, call: CheckedCall): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return value.slice(1);
    if (value.startsWith('$input.')) return readPath(call.input, value.slice(7));
    if (value.startsWith('$output.')) return readPath(call.output, value.slice(8));
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveCheckValue(v, call));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveCheckValue(v, call)]),
    );
  }
  return value;
}

/**
 * The read a check makes: its tool and arguments, references resolved. Arguments that
 * resolve to `undefined` (an optional field the write left out) are dropped.
 */
export function checkRequest(
  check: ToolCheck,
  call: CheckedCall,
): { tool: string; input: Record<string, unknown> } {
  const input = resolveCheckValue(check.input, call) as Record<string, unknown>;
  return {
    tool: check.read,
    input: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  };
}

/** Whether two JSON values are the same value (strings compared trimmed). */
export function sameJsonValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJsonValue(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return (
      ka.length === kb.length &&
      ka.every((k) =>
        sameJsonValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

/**
 * Judges a read's answer against a check: finds the written item (by `find`), then
 * compares the `expect`ed fields; with `absent`, the item must not be found. The texts
 * say what was expected and seen in words an operator reads, e.g. expected `todo.list
 * shows the item with id "3f2a…" and title "Buy milk"`, seen `not among the 12 items
 * in todos`.
 */
export function judgeCheck(check: ToolCheck, call: CheckedCall, readOutput: unknown): CheckVerdict {
  const { find } = check;
  const expectFields = resolveCheckValue(check.expect ?? {}, call) as Record<string, unknown>;
  let identity: string;
  let item: unknown;
  let notFound: string;
  if ('list' in find) {
    const where = resolveCheckValue(find.where, call) as Record<string, unknown>;
    identity = describeFields(where);
    const list = readPath(readOutput, find.list);
    const items = Array.isArray(list) ? list : [];
    item = items.find((candidate) =>
      Object.entries(where).every(([path, value]) =>
        sameJsonValue(readPath(candidate, path), value),
      ),
    );
    notFound = Array.isArray(list)
      ? `not among the ${items.length} items in ${find.list}`
      : `no list at ${find.list}`;
  } else {
    identity = '';
    item = readPath(readOutput, find.item);
    notFound = `nothing at ${find.item}`;
  }
  const subject = 'list' in find ? `the item with ${identity}` : find.item;
  if (check.absent) {
    const expected = `${check.read} no longer shows ${subject}`;
    return item === undefined || item === null
      ? { shown: true, expected, seen: 'not shown' }
      : { shown: false, expected, seen: 'still shown' };
  }
  const fields = Object.keys(expectFields).length > 0 ? describeFields(expectFields) : '';
  const expected = `${check.read} shows ${subject}${fields ? ` ${'list' in find ? 'and' : 'with'} ${fields}` : ''}`;
  if (item === undefined || item === null) return { shown: false, expected, seen: notFound };
  const wrong = Object.entries(expectFields).filter(
    ([path, value]) => !sameJsonValue(readPath(item, path), value),
  );
  if (wrong.length > 0) {
    const seen = Object.fromEntries(wrong.map(([path]) => [path, readPath(item, path)]));
    return { shown: false, expected, seen: describeFields(seen) };
  }
  return { shown: true, expected, seen: 'as expected' };
}

function describeFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([path, value]) => `${path} ${value === undefined ? 'missing' : short(value)}`)
    .join(', ');
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
