// What a scripted handler answers, and how an answer becomes a Messages API message:
// one JSON body for `stream: false`, the exact server-sent event sequence for `stream: true`.

/** Token counts reported for one answer; they drive the client's cost accounting. */
export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

/** One tool call the fake model makes. `id` defaults to `toolu_fake_<request>_<n>`. */
export interface FakeToolUse {
  name: string;
  input: Record<string, unknown>;
  id?: string;
}

interface ReplyTiming {
  /** Wait this long before answering (or, when streaming, before the first event). */
  delayMs?: number;
  /** Usage to report instead of the server's default. */
  usage?: Partial<FakeUsage>;
}

/** The model answers with text and ends its turn (`stop_reason: "end_turn"` by default). */
export interface FakeTextReply extends ReplyTiming {
  text: string;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal';
}

/** The model calls tools (`stop_reason: "tool_use"`), optionally after some text. */
export interface FakeToolUseReply extends ReplyTiming {
  toolUses: FakeToolUse[];
  text?: string;
}

/**
 * The API fails with an Anthropic error body `{type:"error", error:{type, message}}`.
 * `retryAfter` (seconds) sets the `retry-after` header; `headers` adds any other
 * (e.g. `x-should-retry: "false"`).
 */
export interface FakeErrorReply {
  status: number;
  error?: { type?: string; message?: string };
  retryAfter?: number;
  headers?: Record<string, string>;
}

/** The API never answers: the request stays open until the client gives up or the fake closes. */
export interface FakeHangReply {
  hang: true;
}

/** Everything a scripted handler can answer. */
export type FakeReply = FakeTextReply | FakeToolUseReply | FakeErrorReply | FakeHangReply;

/** A successful reply, the kind that becomes a message. */
export type FakeMessageReply = FakeTextReply | FakeToolUseReply;

/** Usage reported when a reply names none: small, fixed numbers so cost stays predictable. */
export const DEFAULT_USAGE: FakeUsage = {
  input_tokens: 10,
  output_tokens: 5,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** The assistant message a reply stands for, as the non-streaming API returns it. */
export interface FakeMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: ContentBlock[];
  stop_reason: string;
  stop_sequence: null;
  usage: FakeUsage;
}

/** Builds the message for a successful reply to the `index`-th request. */
export function toMessage(
  reply: FakeMessageReply,
  context: { index: number; model: string; usage: FakeUsage },
): FakeMessage {
  const content: ContentBlock[] = [];
  if (reply.text !== undefined && reply.text !== '') {
    content.push({ type: 'text', text: reply.text });
  }
  if ('toolUses' in reply) {
    reply.toolUses.forEach((use, n) => {
      content.push({
        type: 'tool_use',
        id: use.id ?? `toolu_fake_${context.index}_${n}`,
        name: use.name,
        input: use.input,
      });
    });
  }
  const stopReason = 'toolUses' in reply ? 'tool_use' : (reply.stopReason ?? 'end_turn');
  return {
    id: `msg_fake_${context.index}`,
    type: 'message',
    role: 'assistant',
    model: context.model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { ...context.usage, ...reply.usage },
  };
}

/** The Anthropic error body for a failed reply. */
export function toErrorBody(reply: FakeErrorReply, requestId: string) {
  return {
    type: 'error',
    error: {
      type: reply.error?.type ?? ERROR_TYPES[reply.status] ?? 'api_error',
      message: reply.error?.message ?? `Fake error ${reply.status}`,
    },
    request_id: requestId,
  };
}

function chunks(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts.length > 0 ? parts : [''];
}

function event(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/**
 * The server-sent events of a streamed message, in the API's order: `message_start`,
 * per block `content_block_start`, deltas (`text_delta` / `input_json_delta`, split into
 * several chunks so clients must accumulate), `content_block_stop`, then `message_delta`
 * with `stop_reason` and usage, and `message_stop`.
 */
export function toStreamEvents(message: FakeMessage): string[] {
  const events = [
    event('message_start', {
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: { ...message.usage, output_tokens: 1 },
      },
    }),
    event('ping', {}),
  ];
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      events.push(
        event('content_block_start', { index, content_block: { type: 'text', text: '' } }),
      );
      for (const text of chunks(block.text, 16)) {
        events.push(event('content_block_delta', { index, delta: { type: 'text_delta', text } }));
      }
    } else {
      events.push(event('content_block_start', { index, content_block: { ...block, input: {} } }));
      for (const partial_json of chunks(JSON.stringify(block.input), 24)) {
        events.push(
          event('content_block_delta', {
            index,
            delta: { type: 'input_json_delta', partial_json },
          }),
        );
      }
    }
    events.push(event('content_block_stop', { index }));
  });
  events.push(
    event('message_delta', {
      delta: { stop_reason: message.stop_reason, stop_sequence: null },
      usage: message.usage,
    }),
    event('message_stop', {}),
  );
  return events;
}
