import { ERROR_KIND_META_KEY, ERROR_KINDS, type ErrorKind } from '@mana/contracts';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const errorKindSchema = z.enum(ERROR_KINDS);

/**
 * Why an `isError` tool result failed: the kind the server put in its `_meta` (the Mana
 * gateway always does) when it is a known one, else what the text reads like
 * ({@link kindFromErrorText}), for servers that send no hint.
 */
export function errorKindOfResult(meta: unknown, text: string): ErrorKind {
  const hinted =
    meta && typeof meta === 'object'
      ? errorKindSchema.safeParse((meta as Record<string, unknown>)[ERROR_KIND_META_KEY])
      : undefined;
  return hinted?.success ? hinted.data : kindFromErrorText(text);
}

/** Texts that say the server itself broke: never the caller's fault. */
const APP_FAILURE =
  /\b(internal|unexpected(ly)?|exception|crash(ed)?|stack ?trace|traceback|panic|server error|unavailable|bug)\b/i;

/** Texts that say the server refused what it was sent. */
const REFUSAL = new RegExp(
  [
    String.raw`\binvalid\b`,
    String.raw`\bvalidation\b`,
    String.raw`\brequired\b`,
    String.raw`\bmust (be|have|not|contain)\b`,
    String.raw`\bexpected\b`,
    String.raw`\bnot (allowed|permitted|found|a valid)\b`,
    String.raw`\bunknown\b`,
    String.raw`\bno such\b`,
    String.raw`\bno \w+ with (id|name|key)\b`,
    String.raw`\b(does|do) not exist\b`,
    String.raw`\btoo (long|short|big|small|large|many|few)\b`,
    String.raw`\bmissing\b`,
    String.raw`\bmalformed\b`,
    String.raw`\bout of range\b`,
    String.raw`\balready (exists|taken|done)\b`,
    String.raw`\bduplicate\b`,
    String.raw`\bnot in a state\b`,
  ].join('|'),
  'i',
);

/**
 * The kind of an `isError` text from a server that sends no kind (a third-party MCP
 * server): `invalid_input` when it reads like a refusal of what was sent ("Invalid input
 * …", "title is required", "No todo with id … in this space", "must be at most 200
 * characters") and nothing in it says the server broke ("internal", "unexpected",
 * "exception", …); `app_error` otherwise. A guess on purpose kept small: a wrong
 * `invalid_input` hides an app failure among the persona's own mistakes, so any sign of
 * a breakage wins.
 */
export function kindFromErrorText(text: string): ErrorKind {
  return !APP_FAILURE.test(text) && REFUSAL.test(text) ? 'invalid_input' : 'app_error';
}

/** Network error codes (Node, undici) of a call that never got an answer through. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** Network error codes of a call that ran out of time. */
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * The kind of an error a tool call threw (rather than answered `isError`):
 * - a JSON-RPC error: InvalidParams / MethodNotFound (bad arguments, unknown tool) →
 *   `invalid_input`; the SDK's RequestTimeout (its request timeout, which carries the
 *   per-call deadline) → `timeout`; ConnectionClosed → `transport`; any other code →
 *   `app_error`;
 * - an HTTP failure of the Streamable HTTP transport: a JSON-RPC error in its body counts
 *   as that error; otherwise 408/504 → `timeout`, 400/413/422 → `invalid_input` (the
 *   request was refused), 401/403/404/429, 5xx and an answer that is not JSON → `transport`;
 * - network errors (connection refused or reset, DNS) and a body that does not parse
 *   (`SyntaxError`, or a message that is not JSON-RPC) → `transport`; their timeout codes
 *   and `AbortError`/`TimeoutError` → `timeout`;
 * - anything else → `app_error`.
 */
export function errorKindOfThrown(error: unknown): ErrorKind {
  if (error instanceof McpError) return kindOfJsonRpcCode(error.code);
  if (error instanceof StreamableHTTPError) return kindOfHttpError(error);
  if (!(error instanceof Error)) return 'app_error';
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timeout';
  const code = networkCode(error);
  if (code && TIMEOUT_CODES.has(code)) return 'timeout';
  if (code && NETWORK_CODES.has(code)) return 'transport';
  if (error instanceof TypeError && /fetch failed|network|terminated/i.test(error.message)) {
    return 'transport';
  }
  // A body that is not JSON, or JSON that is not a JSON-RPC message or a tool result.
  if (error instanceof SyntaxError || error.name === 'ZodError' || error.name === '$ZodError') {
    return 'transport';
  }
  return 'app_error';
}

function kindOfJsonRpcCode(code: number): ErrorKind {
  switch (code) {
    case ErrorCode.InvalidParams:
    case ErrorCode.MethodNotFound:
      return 'invalid_input';
    case ErrorCode.RequestTimeout:
      return 'timeout';
    case ErrorCode.ConnectionClosed:
      return 'transport';
    default:
      return 'app_error';
  }
}

const jsonRpcErrorSchema = z.object({
  jsonrpc: z.literal('2.0'),
  error: z.object({ code: z.number().int(), message: z.string() }),
});

function kindOfHttpError(error: StreamableHTTPError): ErrorKind {
  const body = error.message.slice(error.message.indexOf('{'));
  if (error.message.includes('{')) {
    try {
      const parsed = jsonRpcErrorSchema.safeParse(JSON.parse(body));
      if (parsed.success) return kindOfJsonRpcCode(parsed.data.error.code);
    } catch {
      // Not JSON: judged by the status below.
    }
  }
  const status = error.code ?? -1;
  if (status === 408 || status === 504) return 'timeout';
  if (status === 400 || status === 413 || status === 422) return 'invalid_input';
  if (status === -1 || status >= 500 || [401, 403, 404, 429].includes(status)) return 'transport';
  return 'app_error';
}

/** The `code` of a network error, on the error or its cause (undici wraps it). */
function networkCode(error: Error): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
