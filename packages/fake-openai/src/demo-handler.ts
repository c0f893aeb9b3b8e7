import { toolDefinition } from './conversation';
import type { FakeHandler, FakeRequest } from './fake-openai';
import type { FakeReply } from './reply';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value for a JSON Schema: its first enum value, else a plain one of its type. */
function sample(schema: unknown): unknown {
  if (!isObject(schema)) return 'Fake entry';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') {
    return typeof schema.minimum === 'number' ? schema.minimum : 1;
  }
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'object') return argumentsFor(schema);
  if (schema.format === 'date') return '2026-12-05';
  if (schema.format === 'date-time') return '2026-12-05T09:00:00Z';
  return 'Fake entry';
}

/** Arguments with every required property of an object schema filled in. */
function argumentsFor(schema: unknown): Json {
  if (!isObject(schema) || !isObject(schema.properties)) return {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const args: Json = {};
  for (const name of required) {
    if (typeof name === 'string') args[name] = sample(schema.properties[name]);
  }
  return args;
}

function callTool(request: FakeRequest, pattern: RegExp): FakeReply | undefined {
  const name = request.toolNames.find((n) => pattern.test(n));
  if (!name) return undefined;
  const fn = toolDefinition(request.body, name);
  return { toolCalls: [{ name, arguments: argumentsFor(fn?.parameters) }] };
}

/** The modules a rating prompt names ("Rate only these modules: a, b."), English or German. */
function modulesToRate(text: string): string[] {
  const match = /(?:Rate only these modules|Bewerte nur diese Module):\s*([^\n]+?)\.?\s*$/m.exec(
    text,
  );
  return match?.[1]
    ? match[1]
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean)
    : [];
}

/**
 * A handler that plays a plain but plausible persona, for running the stack offline
 * (`npm start -w @mana/fake-openai`): with tools offered, it first calls a tool that
 * creates or adds something (required arguments filled from the schema), then one that
 * lists or searches, then says it is done; asked for ratings (no tools), it answers the
 * ratings JSON for the modules the prompt names. Deterministic: the same request gets
 * the same answer.
 */
export const demoHandler: FakeHandler = (request) => {
  if (!request.hasTools) {
    const modules = modulesToRate(request.lastUserText);
    const ratings = modules.map((module) => ({
      module,
      rating: 4,
      notes: 'Worked as expected today (fake model).',
    }));
    return { text: JSON.stringify({ ratings }) };
  }
  const toolTurns = request.body.messages
    ? (request.body.messages as unknown[]).filter((m) => isObject(m) && m.role === 'tool').length
    : 0;
  const reply =
    toolTurns === 0
      ? callTool(request, /_(create|add|log|new)/)
      : toolTurns === 1
        ? callTool(request, /_(list|search|recent|today)/)
        : undefined;
  return reply ?? { text: 'Done for today (fake model).' };
};
