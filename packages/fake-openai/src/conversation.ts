// Readers for a chat-completions request body. Clients send many shapes (string or part
// content, extra fields), so every reader takes `unknown` and narrows by hand.

type Json = Record<string, unknown>;

/** A `role: "tool"` message the client sent back, flattened for assertions. */
export interface ToolResult {
  /** The `id` of the tool call this answers. */
  toolCallId: string;
  /** The content as text (parts joined). */
  text: string;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of a message's content: a string as is, text parts joined with newlines. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isObject)
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text as string)
    .join('\n');
}

/** The request's `messages`, with anything that is not an object dropped. */
export function messagesOf(body: unknown): Json[] {
  return isObject(body) && Array.isArray(body.messages) ? body.messages.filter(isObject) : [];
}

/** The text of every `system` (or `developer`) message, joined with newlines. */
export function systemText(body: unknown): string {
  return messagesOf(body)
    .filter((m) => m.role === 'system' || m.role === 'developer')
    .map((m) => contentText(m.content))
    .filter((text) => text !== '')
    .join('\n');
}

/** Names of the functions offered in `tools`, in order; `[]` when none are offered. */
export function toolNames(body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.tools)) return [];
  return body.tools
    .filter(isObject)
    .map((tool) => (isObject(tool.function) ? tool.function.name : undefined))
    .filter((name): name is string => typeof name === 'string');
}

/** The `tools` entry's `function` with this name, e.g. to check the JSON Schema sent. */
export function toolDefinition(body: unknown, name: string): Json | undefined {
  if (!isObject(body) || !Array.isArray(body.tools)) return undefined;
  for (const tool of body.tools) {
    if (isObject(tool) && isObject(tool.function) && tool.function.name === name) {
      return tool.function;
    }
  }
  return undefined;
}

/** The `tool` messages after the latest assistant message: answers to its tool calls. */
export function toolResults(body: unknown): ToolResult[] {
  const messages = messagesOf(body);
  const lastAssistant = messages.map((m) => m.role).lastIndexOf('assistant');
  return messages
    .slice(lastAssistant + 1)
    .filter((m) => m.role === 'tool')
    .map((m) => ({
      toolCallId: typeof m.tool_call_id === 'string' ? m.tool_call_id : '',
      text: contentText(m.content),
    }));
}

/** The text of the latest user message. */
export function lastUserText(body: unknown): string {
  const message = messagesOf(body)
    .filter((m) => m.role === 'user')
    .at(-1);
  return message ? contentText(message.content) : '';
}
