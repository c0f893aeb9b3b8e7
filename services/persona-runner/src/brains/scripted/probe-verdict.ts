import type { ToolCheck } from '@mana/contracts';
import { type CheckScope, resolveRecord, sameJson, valueAt } from './check-refs';
import { singular } from './tool-profile';

/** A check made concrete for one write: the read to call and what its answer must show. */
export interface Probe {
  read: string;
  input: Record<string, unknown>;
  find: { list: string; where: Record<string, unknown> } | { item: string };
  expect: Record<string, unknown>;
  absent: boolean;
}

/** What one probe's answer showed of the write. */
export type ProbeVerdict = { shows: true } | { shows: false; expected: string; seen: string };

/**
 * The check with its references filled in from the write, or why it cannot be carried
 * out: a `where` reference that names nothing (the item could not be told apart). Input
 * and expectations whose references name nothing are left out: there is nothing the
 * persona said or was told to compare against.
 */
export function probeFor(check: ToolCheck, scope: CheckScope): Probe | { skip: string } {
  const input = resolveRecord(check.input, scope).values;
  const expect = resolveRecord(check.expect ?? {}, scope).values;
  const absent = check.absent === true;
  if ('item' in check.find) return { read: check.read, input, find: check.find, expect, absent };
  const where = resolveRecord(check.find.where, scope);
  if (where.unresolved.length > 0 || Object.keys(where.values).length === 0) {
    return { skip: `cannot tell the item apart (${where.unresolved.join(', ') || 'no where'})` };
  }
  return {
    read: check.read,
    input,
    find: { list: check.find.list, where: where.values },
    expect,
    absent,
  };
}

/**
 * Whether the read's answer shows the write's effect: the item is found (an element of
 * the list whose fields equal `where`, or the object at `item`) and every expected field
 * has its value (compared as JSON, strings trimmed; a missing field is a mismatch) — or,
 * for `absent`, the item is not found. When it does not, `expected` and `seen` say so in
 * a line each, e.g. `a todo "Buy milk" (id 3f2a…) in todo.list` / `not in the 12 todos
 * listed` or `title "Buy mil"`.
 */
export function readProbe(probe: Probe, output: unknown): ProbeVerdict {
  const found = locate(probe, output);
  const subject = describeSubject(probe);
  if (probe.absent) {
    // An answer without the list proves nothing gone: it is not the answer the check reads.
    if (found.item === undefined && !found.malformed) return { shows: true };
    return {
      shows: false,
      expected: `no ${subject} in ${probe.read}`,
      seen: found.malformed ? found.missing : found.stillThere,
    };
  }
  if (found.item === undefined) {
    return { shows: false, expected: `${article(subject)} in ${probe.read}`, seen: found.missing };
  }
  const label = labelField(probe.expect);
  const wrong = Object.entries(probe.expect).filter(
    ([path, value]) => !sameJson(valueAt(found.item, path), value),
  );
  if (wrong.length === 0) return { shows: true };
  const others = wrong.filter(([path]) => path !== label);
  const also = others.map(([path, value]) => `${path} ${show(value)}`).join(', ');
  return {
    shows: false,
    expected: `${article(subject)} in ${probe.read}${also ? ` with ${also}` : ''}`,
    seen: wrong
      .map(([path]) => {
        const actual = valueAt(found.item, path);
        return actual === undefined ? `${path} missing` : `${path} ${show(actual)}`;
      })
      .join(', '),
  };
}

/** The item the probe looks for in the answer, and how to say it was missing or still there. */
function locate(
  probe: Probe,
  output: unknown,
): { item: unknown; missing: string; stillThere: string; malformed?: boolean } {
  const noun = nounOf(probe);
  if ('item' in probe.find) {
    const item = valueAt(output, probe.find.item);
    const present = item !== undefined && item !== null;
    return {
      item: present ? item : undefined,
      missing: `no ${noun} in the answer`,
      stillThere: `the ${noun} is still there`,
    };
  }
  const { list, where } = probe.find;
  const items = valueAt(output, list);
  const key = list.slice(list.lastIndexOf('.') + 1);
  if (!Array.isArray(items)) {
    return {
      item: undefined,
      missing: `no ${key} list in the answer`,
      stillThere: '',
      malformed: true,
    };
  }
  const item = items.find((candidate) =>
    Object.entries(where).every(([path, value]) => sameJson(valueAt(candidate, path), value)),
  );
  const among =
    items.length === 0
      ? `no ${key} listed at all`
      : items.length === 1
        ? `not the one ${noun} listed`
        : `not in the ${items.length} ${key} listed`;
  const stillThere =
    items.length === 1
      ? `still listed, the one ${noun}`
      : `still in the ${items.length} ${key} listed`;
  return { item, missing: among, stillThere };
}

/** `todo "Buy milk" (id 3f2a…)`: the item's kind, its title or name, and its short id. */
function describeSubject(probe: Probe): string {
  const label = labelField(probe.expect);
  const title = label ? probe.expect[label] : undefined;
  const id = 'where' in probe.find ? probe.find.where.id : undefined;
  return [
    nounOf(probe),
    typeof title === 'string' ? show(title) : undefined,
    typeof id === 'string' ? `(id ${id.length > 8 ? `${id.slice(0, 4)}…` : id})` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The kind of the item: `todos` → `todo`, `entries` → `entry`, `invoice.contact` → `contact`. */
function nounOf(probe: Probe): string {
  const path = 'item' in probe.find ? probe.find.item : probe.find.list;
  const last = path.slice(path.lastIndexOf('.') + 1);
  return 'item' in probe.find ? last : singular(last);
}

/** The expected field a person would name the item by. */
function labelField(expect: Record<string, unknown>): string | undefined {
  return ['title', 'name', 'question', 'label', 'subject'].find(
    (field) => typeof expect[field] === 'string',
  );
}

function article(subject: string): string {
  return /^[aeiou]/i.test(subject) ? `an ${subject}` : `a ${subject}`;
}

/** A value as JSON, cut to a readable length. */
function show(value: unknown): string {
  const text = JSON.stringify(typeof value === 'string' ? value.trim() : value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
