// Readers for a Messages API request body. The body arrives from the Claude Code CLI in
// many shapes (string or block content, string or block system prompt, extra fields), so
// every reader takes `unknown` and narrows by hand instead of trusting a schema.

/** A `tool_result` block the client sent back, flattened for assertions. */
export interface ToolResult {
  /** The `id` of the `tool_use` block this answers. */
  toolUseId: string;
  /** True when the client marked the tool call as failed (`is_error: true`). */
  isError: boolean;
  /** The text parts of the result, joined with newlines. */
  text: string;
  /** The block as it arrived, for anything the flattened fields leave out. */
  raw: Record<string, unknown>;
}

/** A `tool_use` block the model sent earlier in the conversation. */
export interface ToolUseInHistory {
  id: string;
  name: string;
  input: unknown;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function blocksOf(content: unknown): Json[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content.filter(isObject) : [];
}

function textOf(content: unknown): string {
  return blocksOf(content)
    .filter((block) => block.type === 'text' && typeof block.text === 'string')
    .map((block) => block.text as string)
    .join('\n');
}

/** The request's `messages`, with anything that is not an object dropped. */
export function messagesOf(body: unknown): Json[] {
  return isObject(body) && Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
}

/**
 * The system prompt as plain text: a string `system` as is, an array of text blocks
 * joined with newlines, plus the text of any `role: "system"` messages.
 */
export function systemText(body: unknown): string {
  const parts: string[] = [];
  if (isObject(body)) parts.push(textOf(body.system));
  for (const message of messagesOf(body)) {
    if (message.role === 'system') parts.push(textOf(message.content));
  }
  return parts.filter((part) => part !== '').join('\n');
}

/** Names of the tools offered in `tools`, in order; `[]` when none are offered. */
export function toolNames(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.tools)) return [];
  return body.tools
    .filter(isObject)
    .map((tool) => tool.name)
    .filter((name): name is string => typeof name === 'string');
}

/** The `tools` entry with this name, e.g. to check the JSON Schema the client sent. */
export function toolDefinition(body: unknown, name: string): Json | undefined {
  if (!isObject(body) || !Array.isArray(body.tools)) return undefined;
  return body.tools.filter(isObject).find((tool) => tool.name === name);
}

function toToolResult(block: Json): ToolResult {
  return {
    toolUseId: typeof block.tool_use_id === 'string' ? block.tool_use_id : '',
    isError: block.is_error === true,
    text: textOf(block.content),
    raw: block,
  };
}

function lastUserMessage(body: unknown): Json | undefined {
  return messagesOf(body)
    .filter((message) => message.role === 'user')
    .at(-1);
}

/**
 * The `tool_result` blocks of the latest user message: what the client answers to the
 * model's last `tool_use` blocks. Empty when the latest user turn carries no results.
 */
export function toolResults(body: unknown): ToolResult[] {
  const message = lastUserMessage(body);
  if (!message) return [];
  return blocksOf(message.content)
    .filter((block) => block.type === 'tool_result')
    .map(toToolResult);
}

/** Every `tool_result` block in the whole conversation, oldest first. */
export function allToolResults(body: unknown): ToolResult[] {
  return messagesOf(body)
    .filter((message) => message.role === 'user')
    .flatMap((message) => blocksOf(message.content))
    .filter((block) => block.type === 'tool_result')
    .map(toToolResult);
}

/** Every `tool_use` block the assistant turns of the conversation carry, oldest first. */
export function toolUsesInHistory(body: unknown): ToolUseInHistory[] {
  return messagesOf(body)
    .filter((message) => message.role === 'assistant')
    .flatMap((message) => blocksOf(message.content))
    .filter((block) => block.type === 'tool_use')
    .map((block) => ({
      id: typeof block.id === 'string' ? block.id : '',
      name: typeof block.name === 'string' ? block.name : '',
      input: block.input,
    }));
}

/** The text parts of the latest user message (tool results and other blocks left out). */
export function lastUserText(body: unknown): string {
  const message = lastUserMessage(body);
  return message ? textOf(message.content) : '';
}
