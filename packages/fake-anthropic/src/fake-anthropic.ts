import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import {
  lastUserText,
  messagesOf,
  systemText,
  type ToolResult,
  toolNames,
  toolResults,
} from './conversation';
import { FakePromptCache } from './prompt-cache';
import {
  DEFAULT_USAGE,
  type FakeErrorReply,
  type FakeReply,
  type FakeUsage,
  toErrorBody,
  toMessage,
  toStreamEvents,
} from './reply';
import { type SideRequestKind, sideRequestKind } from './side-requests';

/**
 * One `POST /v1/messages` request as a handler sees it: the parsed body and headers, and
 * the facts tests need to tell the main conversation from the CLI's side requests.
 */
export interface FakeRequest {
  /** Position among the `/v1/messages` requests this server has seen, from 0. */
  index: number;
  /** The parsed JSON body, as sent. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** `body.model`, or `""`. */
  model: string;
  /** `body.stream === true`. */
  stream: boolean;
  /** `body.max_tokens`, when a number. */
  maxTokens: number | undefined;
  /** The system prompt as plain text (string or blocks, plus `role: "system"` messages). */
  system: string;
  /** Names of the tools offered in `body.tools`. */
  toolNames: string[];
  /** True when `body.tools` offers at least one tool. */
  hasTools: boolean;
  /** How many entries `body.messages` has. */
  messageCount: number;
  /** The `tool_result` blocks of the latest user message. */
  toolResults: ToolResult[];
  /** The text of the latest user message. */
  lastUserText: string;
  /** Which known CLI side request this is; `undefined` for the conversation itself. */
  sideRequest: SideRequestKind | undefined;
}

/** Everything the fake received, in arrival order, whatever the path. */
export interface RecordedRequest {
  method: string;
  /** The path without its query string, e.g. `/v1/messages`. */
  path: string;
  /** The query string without `?`, e.g. `beta=true`; `""` when there is none. */
  query: string;
  kind: 'messages' | 'count_tokens' | 'other';
  /** `Date.now()` when the request arrived, e.g. to measure retry back-off. */
  receivedAt: number;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; `undefined` when there was none or it was not JSON. */
  body: unknown;
  /** For `kind: "messages"`, the handler's view of the request. */
  message?: FakeRequest;
  /** For `kind: "messages"`, what the fake answered, once it answered. */
  reply?: FakeReply;
}

/** Decides the answer to one `/v1/messages` request. May be async. */
export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** Options of {@link startFakeAnthropic}. */
export interface FakeAnthropicOptions {
  /** Port to bind on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The first handler; defaults to {@link defaultHandler}. Replace it with `script()`. */
  handler?: FakeHandler;
  /** Usage reported by replies that name none; defaults to {@link DEFAULT_USAGE}. */
  usage?: Partial<FakeUsage>;
  /**
   * Whether requests carrying `cache_control` get cache usage from a simulated prompt
   * cache ({@link FakePromptCache}); default false, so a test's usage is what its script
   * says (the Agent SDK's CLI marks its prompts for caching on its own). A reply that
   * names its `usage` reports exactly that, without cache usage it did not name.
   */
  promptCache?: boolean;
  /**
   * Report `input_tokens` as the prompt's estimated size (about 4 characters a token)
   * less what the cache read or wrote, instead of a fixed number: for measuring what
   * prompt caching saves. Default false.
   */
  estimateInputTokens?: boolean;
}

/** A running fake; see {@link startFakeAnthropic}. */
export interface FakeAnthropic {
  /** `http://127.0.0.1:<port>`: the value for `ANTHROPIC_BASE_URL`. */
  url: string;
  port: number;
  /** Every request received, in order (messages, token counts and unknown paths alike). */
  requests: RecordedRequest[];
  /** The `/v1/messages` requests only, as handlers saw them. */
  messageRequests(): FakeRequest[];
  /** Errors thrown by handlers; each was answered with a 500 that must not be retried. */
  handlerErrors: unknown[];
  /** Replaces the handler for the requests that arrive from now on. */
  script(handler: FakeHandler): void;
  /** Stops listening and drops every open connection, hanging requests included. */
  close(): Promise<void>;
}

/** The handler a fresh fake starts with: a short text answer to every request. */
export const defaultHandler: FakeHandler = () => ({ text: 'OK from the fake model.' });

function decode(raw: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(raw);
  if (encoding === 'deflate') return inflateSync(raw);
  if (encoding === 'br') return brotliDecompressSync(raw);
  return raw;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  if (parts.length === 0) return undefined;
  try {
    const raw = decode(Buffer.concat(parts), req.headers['content-encoding']);
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    // Undecodable or not JSON: recorded as no body, answered with a 400.
    return undefined;
  }
}

function toFakeRequest(
  index: number,
  body: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): FakeRequest {
  const names = toolNames(body);
  return {
    index,
    body,
    headers,
    model: typeof body.model === 'string' ? body.model : '',
    stream: body.stream === true,
    maxTokens: typeof body.max_tokens === 'number' ? body.max_tokens : undefined,
    system: systemText(body),
    toolNames: names,
    hasTools: names.length > 0,
    messageCount: messagesOf(body).length,
    toolResults: toolResults(body),
    lastUserText: lastUserText(body),
    sideRequest: sideRequestKind(body),
  };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, reply: FakeErrorReply, requestId: string): void {
  const headers: Record<string, string> = { 'request-id': requestId, ...reply.headers };
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  sendJson(res, reply.status, toErrorBody(reply, requestId), headers);
}

/**
 * Starts a fake Anthropic Messages API on 127.0.0.1 that answers as the current handler
 * scripts: text, tool calls, API errors or no answer at all. Point `ANTHROPIC_BASE_URL`
 * at `url` and the Claude Agent SDK runs offline against it.
 *
 * @example
 * const fake = await startFakeAnthropic();
 * fake.script((req) =>
 *   req.toolResults.length === 0
 *     ? { toolUses: [{ name: 'mcp__mana__todo_create', input: { title: 'Milk' } }] }
 *     : { text: 'Done.' },
 * );
 * // … run the agent with ANTHROPIC_BASE_URL = fake.url …
 * await fake.close();
 */
export async function startFakeAnthropic(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropic> {
  let handler = options.handler ?? defaultHandler;
  const usage: FakeUsage = { ...DEFAULT_USAGE, ...options.usage };
  const promptCache = new FakePromptCache();
  const simulateCache = options.promptCache === true;
  const requests: RecordedRequest[] = [];
  const handlerErrors: unknown[] = [];
  let messagesSeen = 0;

  async function answerMessages(
    res: ServerResponse,
    record: RecordedRequest,
    body: Record<string, unknown>,
  ): Promise<void> {
    const request = toFakeRequest(messagesSeen++, body, record.headers);
    record.message = request;
    const requestId = `req_fake_${request.index}`;
    let reply: FakeReply;
    try {
      reply = await handler(request);
    } catch (error) {
      handlerErrors.push(error);
      reply = {
        status: 500,
        error: { message: `Fake handler threw: ${String(error)}` },
        headers: { 'x-should-retry': 'false' },
      };
    }
    record.reply = reply;
    if ('hang' in reply) return;
    if ('status' in reply) return sendError(res, reply, requestId);
    if (reply.delayMs) await sleep(reply.delayMs);
    // A reply that names its usage gets exactly that; the cache still learns the prompt.
    const { cache, promptTokens } = promptCache.apply(body);
    const cacheUsage = simulateCache && !reply.usage ? cache : undefined;
    const uncached =
      promptTokens -
      (cacheUsage?.cache_read_input_tokens ?? 0) -
      (cacheUsage?.cache_creation_input_tokens ?? 0);
    const message = toMessage(reply, {
      index: request.index,
      model: request.model,
      usage: {
        ...usage,
        ...cacheUsage,
        ...(options.estimateInputTokens ? { input_tokens: Math.max(1, uncached) } : {}),
      },
    });
    if (!request.stream) return sendJson(res, 200, message, { 'request-id': requestId });
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      'request-id': requestId,
    });
    for (const chunk of toStreamEvents(message)) res.write(chunk);
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
    const body = await readBody(req);
    const kind =
      req.method === 'POST' && path === '/v1/messages'
        ? 'messages'
        : req.method === 'POST' && path === '/v1/messages/count_tokens'
          ? 'count_tokens'
          : 'other';
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      kind,
      receivedAt,
      headers: req.headers,
      body,
    };
    requests.push(record);
    const isJsonObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    if (kind !== 'other' && !isJsonObject) {
      const message = 'The request body is not a JSON object';
      return sendError(res, { status: 400, error: { message } }, 'req_fake_invalid');
    }
    if (kind === 'messages') return answerMessages(res, record, body as Record<string, unknown>);
    if (kind === 'count_tokens') return sendJson(res, 200, { input_tokens: usage.input_tokens });
    const message = `The fake has no route ${record.method} ${path}`;
    sendError(res, { status: 404, error: { message } }, 'req_fake_not_found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      handlerErrors.push(error);
      if (!res.headersSent) sendError(res, { status: 500 }, 'req_fake_crash');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    handlerErrors,
    messageRequests: () => requests.flatMap((record) => (record.message ? [record.message] : [])),
    script(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
