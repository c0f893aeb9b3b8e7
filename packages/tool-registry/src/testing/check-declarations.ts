import { type ToolCheck, toolChecksSchema } from '@mana/contracts';
import type { z } from 'zod';
import { isExposed, type ToolRegistry } from '../registry';
import type { AnyToolSpec } from '../tool-spec';

/**
 * What is wrong with the checks the tools of a registry declare, one sentence per
 * problem naming the tool and the check; empty when every declaration holds:
 *
 * - every exposed `write` declares `checks` (valid {@link toolChecksSchema}) or `none`
 *   with a reason, and no `read` declares any;
 * - every check reads an exposed `read` tool of the registry, gives it only arguments
 *   its input schema has (literals valid for them, every required one present) and
 *   never passes a reference that may be null or missing where the argument takes none;
 * - every `$input.…` / `$output.…` path exists in the write's input / output schema, and
 *   the `$input` paths compared in `find.where` and `expect` are required inputs (a left-out
 *   one would be compared as `undefined` and never match);
 * - `find.list` is an array and `find.item` an object of the read's output, and every
 *   `where` and `expect` field exists in that item.
 *
 * The declarations test runs it on the app's registry, and on bogus tools to prove it
 * fails; the acceptance tests (`modules/<module>/checks.test.ts`) show the checks are
 * right on a real database.
 *
 * @example
 * expect(checkDeclarationProblems(createAppRegistry())).toEqual([]);
 */
export function checkDeclarationProblems(registry: ToolRegistry): string[] {
  const problems: string[] = [];
  for (const tool of registry.list()) {
    if (tool.policyHint === 'read') {
      if (tool.checks) problems.push(`${tool.name}: a read tool declares checks`);
      continue;
    }
    if (tool.checks === undefined) {
      if (isExposed(tool)) {
        problems.push(`${tool.name}: declares no checks (add checks, or none with a reason)`);
      }
      continue;
    }
    const parsed = toolChecksSchema.safeParse(tool.checks);
    if (!parsed.success) {
      problems.push(`${tool.name}: checks are not a ToolChecks (${parsed.error.message})`);
      continue;
    }
    if ('none' in parsed.data) continue;
    parsed.data.checks.forEach((check, i) => {
      for (const problem of checkProblems(registry, tool, check)) {
        problems.push(`${tool.name} check ${i + 1} (${check.read}): ${problem}`);
      }
    });
  }
  return problems;
}

function checkProblems(registry: ToolRegistry, write: AnyToolSpec, check: ToolCheck): string[] {
  const problems: string[] = [];
  const refs = (value: unknown, where: string) => {
    for (const ref of references(value)) {
      if (!referencedSchema(write, ref))
        problems.push(`${ref} in ${where} is not in ${write.name}`);
    }
  };
  refs(check.input, 'input');
  refs('list' in check.find ? check.find.where : check.find, 'find');
  refs(check.expect, 'expect');
  for (const ref of references([
    'list' in check.find ? check.find.where : {},
    check.expect ?? {},
  ])) {
    const found = referencedSchema(write, ref);
    if (ref.startsWith('$input.') && found?.mayBeMissing) {
      problems.push(`${ref} is compared but may be left out of the call`);
    }
  }

  const read = registry.get(check.read);
  if (!read) return [...problems, 'no such tool'];
  if (!isExposed(read)) problems.push('the read tool is not exposed');
  if (read.policyHint !== 'read') problems.push(`the read tool is a ${read.policyHint}`);

  const shape = read.input.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(check.input)) {
    const field = shape[key];
    if (!field) {
      problems.push(`input.${key} is not an argument of ${read.name}`);
      continue;
    }
    const ref = isReference(value) ? referencedSchema(write, value) : undefined;
    if (!isReference(value)) {
      if (!field.safeParse(value).success) {
        problems.push(`input.${key} ${JSON.stringify(value)} is not valid for ${read.name}`);
      }
    } else if (ref) {
      if (ref.mayBeMissing && !field.safeParse(undefined).success) {
        problems.push(`input.${key} ${value} may be missing but ${read.name} requires it`);
      }
      if (ref.schema.safeParse(null).success && !field.safeParse(null).success) {
        problems.push(`input.${key} ${value} may be null but ${read.name} takes no null`);
      }
    }
  }
  for (const [key, field] of Object.entries(shape)) {
    if (!(key in check.input) && !field.safeParse(undefined).success) {
      problems.push(`input.${key} is required by ${read.name} but not given`);
    }
  }

  const item = foundItemSchema(read, check);
  if (typeof item === 'string') return [...problems, item];
  const fields = {
    ...('list' in check.find ? check.find.where : {}),
    ...(check.expect ?? {}),
  };
  for (const path of Object.keys(fields)) {
    if (!schemaAt(item, path, 'output')) {
      problems.push(`${path} is not a field of what ${read.name} shows`);
    }
  }
  if ('list' in check.find && references(check.find.where).length === 0) {
    problems.push('find.where names no reference to the call, so it matches any item');
  }
  if (check.absent && check.expect) problems.push('an absent check expects fields');
  return problems;
}

/** The schema of the item a check finds in the read's output, or what is wrong. */
function foundItemSchema(read: AnyToolSpec, check: ToolCheck): z.ZodType | string {
  const path = 'list' in check.find ? check.find.list : check.find.item;
  const found = schemaAt(read.output, path, 'output');
  if (!found) return `${path} is not in the output of ${read.name}`;
  const node = unwrapped(found.schema, 'output').schema;
  const type = defOf(node).type;
  if ('list' in check.find) {
    if (type !== 'array') return `find.list ${path} is not a list in ${read.name}`;
    return defOf(node).element as z.ZodType;
  }
  if (type !== 'object') return `find.item ${path} is not an object in ${read.name}`;
  return node;
}

/** A schema found at a path, and whether the value there may be absent. */
interface FoundSchema {
  schema: z.ZodType;
  mayBeMissing: boolean;
}

/** The write's schema a `$input.…` / `$output.…` reference points into. */
function referencedSchema(write: AnyToolSpec, ref: string): FoundSchema | undefined {
  if (ref.startsWith('$input.')) return schemaAt(write.input, ref.slice(7), 'input');
  if (ref.startsWith('$output.')) return schemaAt(write.output, ref.slice(8), 'output');
  return undefined;
}

/**
 * Walks a zod schema along a dot path the way `readPath` walks a value: object keys,
 * numeric segments into arrays. On the input side a default may be left out by the
 * caller; on the output side the parsed value has it.
 */
export function schemaAt(
  root: z.ZodType,
  path: string,
  side: 'input' | 'output',
): FoundSchema | undefined {
  let node = root;
  let mayBeMissing = false;
  for (const key of path.split('.')) {
    const inner = unwrapped(node, side);
    mayBeMissing ||= inner.mayBeMissing;
    const def = defOf(inner.schema);
    if (def.type === 'object') {
      const next = (def.shape as Record<string, z.ZodType>)[key];
      if (!next) return undefined;
      node = next;
    } else if (def.type === 'array' && /^\d+$/.test(key)) {
      node = def.element as z.ZodType;
      mayBeMissing = true;
    } else {
      return undefined;
    }
  }
  return { schema: node, mayBeMissing: mayBeMissing || unwrapped(node, side).mayBeMissing };
}

/** Strips optional, nullable, default and pipe wrappers; says whether one allows absence. */
function unwrapped(
  schema: z.ZodType,
  side: 'input' | 'output',
): { schema: z.ZodType; mayBeMissing: boolean } {
  let node = schema;
  let mayBeMissing = false;
  for (;;) {
    const def = defOf(node);
    if (def.type === 'optional') mayBeMissing = true;
    if ((def.type === 'default' || def.type === 'prefault') && side === 'input') {
      mayBeMissing = true;
    }
    if (['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type)) {
      node = def.innerType as z.ZodType;
    } else if (def.type === 'pipe') {
      node = (side === 'input' ? def.in : def.out) as z.ZodType;
    } else {
      return { schema: node, mayBeMissing };
    }
  }
}

function defOf(schema: z.ZodType): { type: string; [key: string]: unknown } {
  return (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && (value.startsWith('$input.') || value.startsWith('$output.'));
}

/** Every `$input.…` / `$output.…` string inside a check value. */
function references(value: unknown): string[] {
  if (isReference(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(references);
  if (value && typeof value === 'object') return Object.values(value).flatMap(references);
  return [];
}
