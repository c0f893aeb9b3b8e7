/**
 * The subset of draft-7 JSON Schema that zod's `toJSONSchema` produces for tool inputs,
 * as the scripted brain reads it from `tools/list`. Everything is optional because a
 * schema from the wire is untrusted: unknown keywords are ignored.
 */
export interface JsonSchema {
  type?: string | string[] | undefined;
  properties?: Record<string, JsonSchema> | undefined;
  required?: string[] | undefined;
  items?: JsonSchema | undefined;
  enum?: unknown[] | undefined;
  const?: unknown | undefined;
  format?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  exclusiveMinimum?: number | undefined;
  exclusiveMaximum?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  minItems?: number | undefined;
  maxItems?: number | undefined;
  anyOf?: JsonSchema[] | undefined;
  oneOf?: JsonSchema[] | undefined;
  default?: unknown | undefined;
  description?: string | undefined;
}

/** Reads an untrusted `inputSchema` record as a {@link JsonSchema} (objects only). */
export function asSchema(value: unknown): JsonSchema {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : {};
}

/**
 * Splits `anyOf`/`oneOf` with a `null` branch (how zod writes `.nullable()`) into the
 * non-null schema and whether null is allowed; `type: ["string","null"]` likewise.
 */
export function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) {
    const nonNull = union.filter((s) => s.type !== 'null');
    const nullable = nonNull.length < union.length;
    const first = nonNull[0] ?? {};
    return { schema: { ...first, description: schema.description ?? first.description }, nullable };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    return {
      schema: { ...schema, type: types[0] ?? 'string' },
      nullable: types.length < schema.type.length,
    };
  }
  return { schema, nullable: false };
}

/** The one JSON type a (non-nullable) schema stands for, guessing from its keywords. */
export function typeOf(schema: JsonSchema): string {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null') ?? 'null';
  if (schema.enum && schema.enum.length > 0) return typeof schema.enum[0];
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

/** The required property names of an object schema. */
export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : [];
}

/** Whether a property (possibly nullable) is a UUID, i.e. an id the app handed out. */
export function isUuidField(schema: JsonSchema): boolean {
  return unwrapNullable(schema).schema.format === 'uuid';
}
