import type { GatewayTool } from '../../clients/gateway';
import { asSchema, isUuidField, type JsonSchema, requiredOf, unwrapNullable } from './json-schema';

/**
 * How the scripted persona sees one tool: `read` tools look, `create` tools add something
 * new (a write without a required id), `act` tools change something it already knows
 * (a write whose required id it must have got back from an earlier call).
 */
export type ToolRole = 'read' | 'create' | 'act';

/** An id-valued input field and the kind of item it points at. */
export interface IdField {
  field: string;
  /** The item kind: `todo`, `entry`, `contact`… (what outputs call the object). */
  kind: string;
  required: boolean;
}

/** A tool classified once per day from its listing. */
export interface ToolProfile {
  tool: GatewayTool;
  name: string;
  module: string;
  /** The part after the dot, e.g. `mark_paid`. */
  verb: string;
  role: ToolRole;
  schema: JsonSchema;
  idFields: IdField[];
  /** A read with no required input that lists things: how the persona first looks around. */
  survey: boolean;
}

/**
 * Classifies a listed tool by its `readOnly` flag, its verb and its input schema. The kind
 * an `id` field refers to is the tool's own output object (`todo.update` → `{todo}` →
 * `todo`); an `<x>Id` field refers to kind `x`.
 */
export function profileTool(tool: GatewayTool): ToolProfile {
  const schema = asSchema(tool.inputSchema);
  const verb = tool.name.slice(tool.name.indexOf('.') + 1);
  const required = new Set(requiredOf(schema));
  const ownKind = outputKind(asSchema(tool.outputSchema)) ?? tool.module;
  const idFields: IdField[] = [];
  for (const [field, prop] of Object.entries(schema.properties ?? {})) {
    if (!isUuidField(prop)) continue;
    const kind = field === 'id' ? ownKind : field.endsWith('Id') ? field.slice(0, -2) : field;
    idFields.push({ field, kind, required: required.has(field) });
  }
  const needsId = idFields.some((f) => f.required);
  const role: ToolRole = tool.readOnly ? 'read' : needsId ? 'act' : 'create';
  const survey = tool.readOnly && required.size === 0 && /^(list|search|recent|summary)/.test(verb);
  return { tool, name: tool.name, module: tool.module, verb, role, schema, idFields, survey };
}

/** The key of the first object-with-an-id property of an output schema (`todo`, `event`…). */
function outputKind(output: JsonSchema): string | undefined {
  for (const [key, prop] of Object.entries(output.properties ?? {})) {
    const inner = unwrapNullable(prop).schema;
    if (inner.properties && 'id' in inner.properties) return key;
  }
  return undefined;
}

/** `todos` → `todo`, `entries` → `entry`: the kind of the items an array key holds. */
export function singular(key: string): string {
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

/**
 * How keen a persona is on a verb, relative to 1: finishing and logging things is what
 * people do most; cancelling, voiding and abandoning are rarer moments.
 */
export function verbWeight(verb: string): number {
  if (/^(complete|mark_|log|send|answer|rate|update_status)/.test(verb)) return 1.6;
  if (/^(update|pin|add)/.test(verb)) return 1;
  if (/^(get)/.test(verb)) return 0.6;
  if (/^(archive|cancel|void|abandon|reopen|unarchive)/.test(verb)) return 0.25;
  if (/^(delete|remove)/.test(verb)) return 0.1;
  return 0.8;
}
