import {
  ALWAYS_GIVEN,
  booleanFor,
  dateFor,
  dateTimeFor,
  LEFT_TO_THE_APP,
  numberFor,
  reconcile,
} from './field-semantics';
import { type JsonSchema, requiredOf, typeOf, unwrapNullable } from './json-schema';
import { sensibleEnum } from './preconditions';
import type { Rng } from './prng';
import type { Voice } from './voice';

/** What the generator needs to know about the moment, the persona and its memory. */
export interface GenerateOptions {
  rng: Rng;
  /** The persona's "now": dates are relative to it. */
  now: Date;
  module: string;
  toolName: string;
  voice: Voice;
  /** An id for a uuid field (the pool's pick), or undefined when none is known. */
  idFor(field: string): string | undefined;
  /** Words the persona wrote earlier in this module, for searches. */
  knownWords?: readonly string[] | undefined;
  /** Lower-cased values a field already has in this module; new names avoid them. */
  taken?(field: string): ReadonlySet<string>;
  /** Chance an optional field is filled in (default 0.4). */
  optionalChance?: number | undefined;
  /** Look at everything: `all` where an enum offers it, the largest page, no filters. */
  survey?: boolean | undefined;
  /** An update: make sure at least one field besides the ids changes. */
  mustChange?: boolean | undefined;
}

/**
 * Builds a valid input for a tool from its JSON Schema (draft 7, as zod emits it):
 * required fields always, optional ones sometimes, values within type, enum, format
 * (uuid, date, date-time, email, uri), numeric and length bounds and array sizes, text
 * in the persona's voice, dates relative to "now", ids from what the app returned.
 */
export function generateInput(
  schema: JsonSchema,
  options: GenerateOptions,
): Record<string, unknown> {
  const input = objectValue(schema, options, true);
  reconcile(input, options.rng, options.mustChange === true);
  if (options.mustChange) ensureChange(input, schema, options);
  return input;
}

function objectValue(
  schema: JsonSchema,
  options: GenerateOptions,
  topLevel: boolean,
): Record<string, unknown> {
  const required = new Set(requiredOf(schema));
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(schema.properties ?? {})) {
    const { schema: prop } = unwrapNullable(raw);
    const isId = prop.format === 'uuid';
    if (required.has(field)) {
      const value = fieldValue(field, raw, options, out);
      if (value !== undefined) out[field] = value;
      continue;
    }
    if (topLevel && options.survey) {
      if (prop.enum?.includes('all')) out[field] = 'all';
      else if (field === 'limit' && typeof prop.maximum === 'number') out[field] = prop.maximum;
      continue;
    }
    if (!fillsIn(field, isId, options)) continue;
    const value = fieldValue(field, raw, options, out);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/**
 * Whether the persona fills in an optional field (one with a default included): never
 * what it leaves to the app, always an anchor date when creating, else sometimes.
 */
function fillsIn(field: string, isId: boolean, options: GenerateOptions): boolean {
  if (LEFT_TO_THE_APP.has(field)) return false;
  if (ALWAYS_GIVEN.has(field) && !options.mustChange) return true;
  return options.rng.chance(isId ? 0.5 : (options.optionalChance ?? 0.4));
}

/** A value for one property; `siblings` are the fields generated so far (for emails). */
export function fieldValue(
  field: string,
  raw: JsonSchema,
  options: GenerateOptions,
  siblings: Record<string, unknown> = {},
): unknown {
  const { schema, nullable } = unwrapNullable(raw);
  const { rng } = options;
  if (nullable && rng.chance(0.08)) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) {
    return rng.pick(sensibleEnum(options.toolName, field, schema.enum));
  }
  switch (typeOf(schema)) {
    case 'integer':
    case 'number':
      return numberFor(field, boundsOf(schema), rng);
    case 'boolean':
      return booleanFor(field, rng);
    case 'array':
      return arrayValue(field, schema, options);
    case 'object':
      return objectValue(schema, options, false);
    case 'null':
      return null;
    default:
      return stringValue(field, schema, options, siblings);
  }
}

function boundsOf(schema: JsonSchema) {
  const integer = typeOf(schema) === 'integer';
  const unit = integer ? 1 : 0.01;
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + unit : 0);
  const max =
    schema.maximum ??
    (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - unit : min + 100);
  return { min, max, integer };
}

function stringValue(
  field: string,
  schema: JsonSchema,
  options: GenerateOptions,
  siblings: Record<string, unknown>,
): string | undefined {
  const { rng, voice, module, now } = options;
  switch (schema.format) {
    case 'uuid':
      return options.idFor(field);
    case 'date':
      return dateFor(field, now, rng);
    case 'date-time':
      return dateTimeFor(field, now, rng);
    case 'email': {
      const name = siblings.name ?? siblings.clientName;
      return voice.email(typeof name === 'string' ? name : undefined, rng);
    }
    case 'uri':
    case 'url':
      return fit(voice.url(module, rng), schema);
  }
  if (field === 'query' && options.knownWords && options.knownWords.length > 0 && rng.chance(0.6)) {
    return fit(rng.pick(options.knownWords), schema);
  }
  const key = field === 'tag' ? 'tags' : field;
  let text = voice.text(module, key, rng);
  const taken = options.taken?.(field);
  if (taken && taken.size > 0) {
    for (let i = 0; i < 6 && taken.has(text.toLowerCase()); i++)
      text = voice.text(module, key, rng);
    for (let n = 2; taken.has(text.toLowerCase()); n++) text = `${text.replace(/ \d+$/, '')} ${n}`;
  }
  return fit(text, schema);
}

function arrayValue(field: string, schema: JsonSchema, options: GenerateOptions): unknown[] {
  const { rng } = options;
  const items = unwrapNullable(schema.items ?? {}).schema;
  const min = schema.minItems ?? 0;
  const max = Math.max(min, Math.min(schema.maxItems ?? 3, 3));
  const count = rng.int(Math.max(min, typeOf(items) === 'object' ? 1 : 0), max);
  if (typeOf(items) === 'string' && !items.enum && !items.format) {
    const words = rng
      .sample(options.voice.list(options.module, field), count)
      .map((w) => fit(w, items));
    while (words.length < min) words.push(fit(`${field}-${words.length + 1}`, items));
    return words;
  }
  return Array.from({ length: count }, () => fieldValue(field, items, options));
}

/** Cuts text to `maxLength` (never mid-surrogate) and pads it to `minLength`. */
export function fit(text: string, schema: JsonSchema): string {
  let out = text.trim();
  if (schema.maxLength !== undefined && out.length > schema.maxLength) {
    out = out.slice(0, schema.maxLength);
    if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
    out = out.trimEnd();
  }
  const min = Math.min(schema.minLength ?? 0, schema.maxLength ?? Number.POSITIVE_INFINITY);
  while (out.length < min) out = `${out}${out.length > 0 ? ' ' : ''}ok`.slice(0, schema.maxLength);
  return out;
}

/** Adds changed fields until an update has one that survives {@link reconcile}. */
function ensureChange(
  input: Record<string, unknown>,
  schema: JsonSchema,
  options: GenerateOptions,
) {
  const required = new Set(requiredOf(schema));
  const changeable = Object.entries(schema.properties ?? {}).filter(
    ([field, prop]) =>
      !required.has(field) &&
      !LEFT_TO_THE_APP.has(field) &&
      unwrapNullable(prop).schema.format !== 'uuid',
  );
  const changed = () => changeable.some(([field]) => input[field] !== undefined);
  for (let attempt = 0; attempt < 8 && !changed() && changeable.length > 0; attempt++) {
    const [field, prop] = options.rng.pick(changeable);
    const value = fieldValue(field, prop, options, input);
    if (value !== undefined) input[field] = value;
    reconcile(input, options.rng, true);
  }
}
