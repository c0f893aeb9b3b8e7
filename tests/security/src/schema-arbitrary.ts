import fc from 'fast-check';

/** The JSON Schema subset the gateway publishes for tool inputs (zod's draft-7 output). */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
}

const day = fc
  .date({
    min: new Date('1950-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const instant = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.constantFrom('Z', '+01:00', '-05:00', '+14:00'))
  .map(([d, h, offset]) => `${d}T${String(h).padStart(2, '0')}:30:00${offset}`);

/**
 * Values that fit a tool's published input schema (mostly: zod's refinements such as
 * `trim().min(1)` are not in the schema, so some are refused, which is fine). Lengths and
 * arrays are kept short so a run is many calls, not large ones.
 */
export function validArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(validArbitrary));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({
        min: schema.exclusiveMinimum ?? schema.minimum ?? -1000,
        minExcluded: schema.exclusiveMinimum !== undefined,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArbitrary(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'object':
      return objectArbitrary(schema);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date':
      return day;
    case 'date-time':
      return instant;
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern === '^[A-Z]{3}$') return fc.constantFrom('EUR', 'USD', 'CHF', 'GBP');
  const minLength = schema.minLength ?? 0;
  return fc.string({
    minLength,
    maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)),
  });
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(
    Object.entries(properties).map(([key, value]) => [key, validArbitrary(value)]),
  );
  return fc.record(shape, { requiredKeys: schema.required ?? [] });
}

/** What an attacker puts into one field: text the database cannot store, edges of every range, wrong types. */
export const HOSTILE_VALUES: readonly unknown[] = [
  '\u0000',
  'Milch\u0000kaufen',
  ['ok', 'b\u0000d'],
  '0000-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59-05:00',
  '2026-02-30',
  2147483648,
  -2147483649,
  1e15,
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  '',
  '   ',
  'x'.repeat(50_000),
  '\uD800',
  "' OR 1=1 --",
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  [],
  {},
  null,
  true,
  [{}],
  Array.from({ length: 500 }, () => 'tag'),
];

/** A hostile value: one of {@link HOSTILE_VALUES} or arbitrary text (any code unit). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/**
 * A tool input that is valid but for one field (existing or not), which holds a
 * {@link hostileValue}.
 */
export function hostileArbitrary(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...Object.keys(schema.properties ?? {}), 'unexpected'];
  return fc
    .tuple(objectArbitrary(schema), fc.constantFrom(...keys), hostileValue)
    .map(([input, key, value]) => ({ ...input, [key]: value }));
}
