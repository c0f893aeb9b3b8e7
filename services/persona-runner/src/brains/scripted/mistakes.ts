import { type JsonSchema, requiredOf, typeOf, unwrapNullable } from './json-schema';
import type { Rng } from './prng';

/** The slips a persona makes, each one the app should refuse. */
export type MistakeKind =
  | 'omit-required'
  | 'wrong-type'
  | 'bad-enum'
  | 'unknown-id'
  | 'out-of-range'
  | 'empty-text';

/** A spoiled input and what went wrong with it. */
export interface Mistake {
  kind: MistakeKind;
  field: string;
  input: Record<string, unknown>;
}

/**
 * Spoils a valid input the way a hurried or confused person would: leaves out a required
 * field, types a word where a number goes, picks a status that does not exist, pastes an
 * id from nowhere, goes out of range, or sends an empty title. Returns undefined when the
 * schema offers nothing to get wrong (no properties at all).
 */
export function makeMistake(
  input: Record<string, unknown>,
  schema: JsonSchema,
  rng: Rng,
): Mistake | undefined {
  const required = requiredOf(schema);
  const options: { kind: MistakeKind; field: string }[] = [];
  for (const [field, raw] of Object.entries(schema.properties ?? {})) {
    const prop = unwrapNullable(raw).schema;
    const type = typeOf(prop);
    options.push({ kind: 'wrong-type', field });
    if (prop.enum && prop.enum.length > 0) options.push({ kind: 'bad-enum', field });
    if (prop.format === 'uuid' && required.includes(field)) {
      options.push({ kind: 'unknown-id', field });
    }
    if ((type === 'integer' || type === 'number') && prop.maximum !== undefined) {
      options.push({ kind: 'out-of-range', field });
    }
    if (type === 'string' && !prop.format && !prop.enum && (prop.minLength ?? 0) >= 1) {
      options.push({ kind: 'empty-text', field });
    }
  }
  for (const field of required) {
    if (input[field] !== undefined) options.push({ kind: 'omit-required', field });
  }
  if (options.length === 0) return undefined;
  // Kind first, then field: otherwise a tool with many fields would mostly get wrong types.
  const kind = rng.pick([...new Set(options.map((o) => o.kind))]);
  const { field } = rng.pick(options.filter((o) => o.kind === kind));
  const spoiled = { ...input };
  const prop = unwrapNullable(schema.properties?.[field] ?? {}).schema;
  switch (kind) {
    case 'omit-required':
      delete spoiled[field];
      break;
    case 'wrong-type':
      spoiled[field] = wrongType(typeOf(prop), rng);
      break;
    case 'bad-enum':
      spoiled[field] = rng.pick(['urgent!!', 'sometime', 'Done', 'maybe', 'ALL']);
      break;
    case 'unknown-id':
      spoiled[field] = madeUpUuid(rng);
      break;
    case 'out-of-range':
      spoiled[field] = rng.chance(0.5)
        ? (prop.maximum ?? 0) + rng.int(1, 50)
        : (prop.minimum ?? prop.exclusiveMinimum ?? 0) - rng.int(1, 5);
      break;
    case 'empty-text':
      spoiled[field] = rng.pick(['', '   ']);
      break;
  }
  return { kind, field, input: spoiled };
}

function wrongType(type: string, rng: Rng): unknown {
  switch (type) {
    case 'string':
      return rng.pick([42, true, ['oops']]);
    case 'integer':
    case 'number':
      return rng.pick(['a few', 'twenty', 'viele']);
    case 'boolean':
      return rng.pick(['yes', 'ja', 1]);
    case 'array':
      return 'just one';
    default:
      return 'something';
  }
}

/** A well-formed v4 UUID the app never issued (deterministic for the generator). */
export function madeUpUuid(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  const variant = rng.pick(['8', '9', 'a', 'b']);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
