// What a scripted handler answers, and how an answer becomes a chat completion: one JSON
// body for `stream: false`, the server-sent chunk sequence (ending `data: [DONE]`) for
// `stream: true`.

/** Token counts reported for one answer, in the API's `usage` shape. */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  /** Of `prompt_tokens`, those read from the prompt cache. */
  cached_tokens?: number;
}

/** One tool call the fake model makes. `id` defaults to `call_fake_<request>_<n>`. */
export interface FakeToolCall {
  name: string;
  /** An object is sent as its JSON; a string is sent as is (e.g. broken JSON). */
  arguments: Record<string, unknown> | string;
  id?: string;
}

interface ReplyTiming {
  /** Wait this long before answering (or, when streaming, before the first chunk). */
  delayMs?: number;
  /** Usage to report instead of the server's default. */
  usage?: Partial<FakeUsage>;
}

/** The model answers with text (`finish_reason: "stop"` by default). */
export interface FakeTextReply extends ReplyTiming {
  text: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
}

/** The model calls tools (`finish_reason: "tool_calls"`), optionally after some text. */
export interface FakeToolCallReply extends ReplyTiming {
  toolCalls: FakeToolCall[];
  text?: string;
}

/**
 * The API fails with an OpenAI error body `{error:{message, type, code}}`. `retryAfter`
 * (seconds) sets the `retry-after` header; `headers` adds any other.
 */
export interface FakeErrorReply {
  status: number;
  error?: { message?: string; type?: string; code?: string };
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** The API never answers: the request stays open until the client gives up or the fake closes. */
export interface FakeHangReply {
  hang: true;
}

/** Everything a scripted handler can answer. */
export type FakeReply = FakeTextReply | FakeToolCallReply | FakeErrorReply | FakeHangReply;

/** A successful reply, the kind that becomes a completion. */
export type FakeCompletionReply = FakeTextReply | FakeToolCallReply;

/** Usage reported when a reply names none: small, fixed numbers so cost stays predictable. */
export const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 10, completion_tokens: 5 };

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  404: 'invalid_request_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** The parts of a completion a reply stands for. */
export interface FakeCompletion {
  id: string;
  model: string;
  created: number;
  text: string | null;
  toolCalls: WireToolCall[];
  finishReason: string;
  usage: FakeUsage;
}

/** Builds the completion for a successful reply to the `index`-th request. */
export function toCompletion(
  reply: FakeCompletionReply,
  context: { index: number; model: string; usage: FakeUsage; created: number },
): FakeCompletion {
  const toolCalls = ('toolCalls' in reply ? reply.toolCalls : []).map((call, n) => ({
    id: call.id ?? `call_fake_${context.index}_${n}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments:
        typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
  return {
    id: `chatcmpl-fake-${context.index}`,
    model: context.model,
    created: context.created,
    text: reply.text ?? null,
    toolCalls,
    finishReason: 'toolCalls' in reply ? 'tool_calls' : (reply.finishReason ?? 'stop'),
    usage: { ...context.usage, ...reply.usage },
  };
}

function wireUsage(usage: FakeUsage) {
  return {
    prompt_tokens: usage.prompt_tokens,
    completion_tokens: usage.completion_tokens,
    total_tokens: usage.prompt_tokens + usage.completion_tokens,
    prompt_tokens_details: { cached_tokens: usage.cached_tokens ?? 0 },
  };
}

/** The non-streaming `chat.completion` body. */
export function toCompletionBody(completion: FakeCompletion) {
  return {
    id: completion.id,
    object: 'chat.completion',
    created: completion.created,
    model: completion.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: completion.text,
          ...(completion.toolCalls.length > 0 ? { tool_calls: completion.toolCalls } : {}),
        },
        finish_reason: completion.finishReason,
      },
    ],
    usage: wireUsage(completion.usage),
  };
}

/** The OpenAI error body for a failed reply. */
export function toErrorBody(reply: FakeErrorReply) {
  return {
    error: {
      message: reply.error?.message ?? `Fake error ${reply.status}`,
      type: reply.error?.type ?? ERROR_TYPES[reply.status] ?? 'server_error',
      param: null,
      code: reply.error?.code ?? null,
    },
  };
}

function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts.length > 0 ? parts : [''];
}

/**
 * The server-sent events of a streamed completion, in the API's order: a role chunk, the
 * text in several deltas, each tool call opened (id, name) then its arguments in several
 * deltas (so clients must accumulate), a chunk with `finish_reason`, a usage-only chunk
 * when `includeUsage` (`stream_options.include_usage`), then `data: [DONE]`.
 */
export function toStreamChunks(completion: FakeCompletion, includeUsage: boolean): string[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra = {}) =>
    `data: ${JSON.stringify({
      id: completion.id,
      object: 'chat.completion.chunk',
      created: completion.created,
      model: completion.model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...extra,
    })}\n\n`;
  const events = [chunk({ role: 'assistant', content: '' })];
  if (completion.text) {
    for (const content of chunks(completion.text, 16)) events.push(chunk({ content }));
  }
  completion.toolCalls.forEach((call, index) => {
    events.push(
      chunk({
        tool_calls: [
          {
            index,
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: '' },
          },
        ],
      }),
    );
    for (const args of chunks(call.function.arguments, 24)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: args } }] }));
    }
  });
  events.push(chunk({}, completion.finishReason));
  if (includeUsage) {
    events.push(
      `data: ${JSON.stringify({
        id: completion.id,
        object: 'chat.completion.chunk',
        created: completion.created,
        model: completion.model,
        choices: [],
        usage: wireUsage(completion.usage),
      })}\n\n`,
    );
  }
  events.push('data: [DONE]\n\n');
  return events;
}
