// The SDK types message content after the Anthropic SDK, but what arrives is whatever
// the CLI wrote to stdout. These readers take `unknown` and narrow by hand, so an
// unexpected block shape is skipped instead of crashing a persona's day.

/** A `tool_use` block of an assistant message. */
export interface ToolUseBlock {
  id: string;
  /** The name the model used, e.g. `mcp__mana__habits_recent_logs`. */
  name: string;
  input: unknown;
}

/** A `tool_result` block of a user message. */
export interface ToolResultBlock {
  toolUseId: string;
  isError: boolean;
  /** The text parts of the result, joined. */
  text: string;
}

/** A `tool_use_meta` entry: the CLI's note of which MCP tool a tool_use called. */
export interface ToolUseMeta {
  id: string;
  /** The MCP tool's own name, e.g. `habits.recent_logs`. */
  toolName: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

/** The text parts of a content value (a string or blocks), joined with newlines. */
export function textOf(content: unknown): string {
  return blocksOf(content)
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}

/** The `tool_use` blocks of an SDK assistant message's `message.content`. */
export function toolUsesOf(content: unknown): ToolUseBlock[] {
  return blocksOf(content)
    .filter((block) => block.type === 'tool_use' && typeof block.id === 'string')
    .map((block) => ({
      id: block.id as string,
      name: typeof block.name === 'string' ? block.name : '',
      input: block.input,
    }));
}

/** The `tool_result` blocks of an SDK user message's `message.content`. */
export function toolResultsOf(content: unknown): ToolResultBlock[] {
  return blocksOf(content)
    .filter((block) => block.type === 'tool_result' && typeof block.tool_use_id === 'string')
    .map((block) => ({
      toolUseId: block.tool_use_id as string,
      isError: block.is_error === true,
      text: textOf(block.content),
    }));
}

/** The `tool_use_meta` entries an SDK assistant message carries next to its content. */
export function toolUseMetaOf(message: unknown): ToolUseMeta[] {
  if (!isObject(message) || !Array.isArray(message.tool_use_meta)) return [];
  return message.tool_use_meta
    .filter(isObject)
    .filter((m) => typeof m.id === 'string' && typeof m.tool_name === 'string')
    .map((m) => ({ id: m.id as string, toolName: m.tool_name as string }));
}

/**
 * The structured output of a successful MCP call, as the CLI reports it next to the
 * result (`tool_use_result.structuredContent`); `undefined` when it has none.
 */
export function structuredOutputOf(message: unknown): unknown {
  if (!isObject(message) || !isObject(message.tool_use_result)) return undefined;
  return message.tool_use_result.structuredContent;
}

/**
 * The `_meta` of an MCP call's result, when the CLI reports it next to the result
 * (`tool_use_result._meta`): the gateway's error kind travels there.
 */
export function resultMetaOf(message: unknown): unknown {
  if (!isObject(message) || !isObject(message.tool_use_result)) return undefined;
  return message.tool_use_result._meta;
}
