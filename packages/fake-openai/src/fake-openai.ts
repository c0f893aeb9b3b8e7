import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  lastUserText,
  messagesOf,
  systemText,
  type ToolResult,
  toolNames,
  toolResults,
} from './conversation';
import {
  DEFAULT_USAGE,
  type FakeErrorReply,
  type FakeReply,
  type FakeUsage,
  toCompletion,
  toCompletionBody,
  toErrorBody,
  toStreamChunks,
} from './reply';

/** One `POST …/chat/completions` request as a handler sees it. */
export interface FakeRequest {
  /** Position among the completion requests this server has seen, from 0. */
  index: number;
  /** The parsed JSON body, as sent. */
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** `body.model`, or `""`. */
  model: string;
  /** `body.stream === true`. */
  stream: boolean;
  /** The text of the system (and developer) messages. */
  system: string;
  /** Names of the functions offered in `body.tools`. */
  toolNames: string[];
  hasTools: boolean;
  messageCount: number;
  /** The `tool` messages after the latest assistant message. */
  toolResults: ToolResult[];
  /** The text of the latest user message. */
  lastUserText: string;
}

/** Everything the fake received, in arrival order, whatever the path. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** `Date.now()` when the request arrived, e.g. to measure retry back-off. */
  receivedAt: number;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** For completion requests, the handler's view of the request. */
  completion?: FakeRequest;
  /** For completion requests, what the fake answered, once it answered. */
  reply?: FakeReply;
}

/** Decides the answer to one completion request. May be async. */
export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** Port to bind; 0 (the default) picks a free one. */
  port?: number;
  /** Host to bind; 127.0.0.1 by default. */
  host?: string;
  /** The first handler; defaults to {@link defaultHandler}. Replace it with `script()`. */
  handler?: FakeHandler;
  /** Usage reported by replies that name none; defaults to {@link DEFAULT_USAGE}. */
  usage?: Partial<FakeUsage>;
  /** `created` of every completion (seconds); fixed so answers are deterministic. */
  created?: number;
}

/** A running fake; see {@link startFakeOpenAI}. */
export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>/v1`: the base URL OpenAI clients take. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** The completion requests only, as handlers saw them. */
  completionRequests(): FakeRequest[];
  /** Errors thrown by handlers; each was answered with a 500. */
  handlerErrors: unknown[];
  /** Replaces the handler for the requests that arrive from now on. */
  script(handler: FakeHandler): void;
  /** Stops listening and drops every open connection, hanging requests included. */
  close(): Promise<void>;
}

/** The handler a fresh fake starts with: a short text answer to every request. */
export const defaultHandler: FakeHandler = () => ({ text: 'OK from the fake model.' });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  if (parts.length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as unknown;
  } catch {
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
    system: systemText(body),
    toolNames: names,
    hasTools: names.length > 0,
    messageCount: messagesOf(body).length,
    toolResults: toolResults(body),
    lastUserText: lastUserText(body),
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

function sendError(res: ServerResponse, reply: FakeErrorReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  sendJson(res, reply.status, toErrorBody(reply), headers);
}

/**
 * Starts a fake OpenAI chat-completions API (`POST /v1/chat/completions`, also at
 * `/chat/completions`; `GET /v1/models`) that answers as the current handler scripts:
 * text, tool calls, errors (429 with Retry-After, 5xx) or no answer at all; streaming
 * (SSE, with usage when `stream_options.include_usage`) and not. Point an OpenAI or
 * OpenAI-compatible client's base URL at `url`.
 *
 * @example
 * const fake = await startFakeOpenAI();
 * fake.script((req) =>
 *   req.toolResults.length === 0
 *     ? { toolCalls: [{ name: 'todo_create', arguments: { title: 'Milk' } }] }
 *     : { text: 'Done.' },
 * );
 * await fake.close();
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let handler = options.handler ?? defaultHandler;
  const usage: FakeUsage = { ...DEFAULT_USAGE, ...options.usage };
  const created = options.created ?? 1_764_547_200;
  const requests: RecordedRequest[] = [];
  const handlerErrors: unknown[] = [];
  let seen = 0;

  async function answer(
    res: ServerResponse,
    record: RecordedRequest,
    body: Record<string, unknown>,
  ) {
    const request = toFakeRequest(seen++, body, record.headers);
    record.completion = request;
    let reply: FakeReply;
    try {
      reply = await handler(request);
    } catch (error) {
      handlerErrors.push(error);
      reply = { status: 500, error: { message: `Fake handler threw: ${String(error)}` } };
    }
    record.reply = reply;
    if ('hang' in reply) return;
    if ('status' in reply) return sendError(res, reply);
    if (reply.delayMs) await sleep(reply.delayMs);
    const completion = toCompletion(reply, {
      index: request.index,
      model: request.model,
      usage,
      created,
    });
    if (!request.stream) return sendJson(res, 200, toCompletionBody(completion));
    const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const chunk of toStreamChunks(completion, streamOptions?.include_usage === true)) {
      res.write(chunk);
    }
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const body = await readBody(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      receivedAt: Date.now(),
      headers: req.headers,
      body,
    };
    requests.push(record);
    if (req.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      return sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
    }
    if (req.method !== 'POST' || !/^(\/v1)?\/chat\/completions$/.test(path)) {
      return sendError(res, {
        status: 404,
        error: { message: `No route ${record.method} ${path}` },
      });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendError(res, { status: 400, error: { message: 'The body is not a JSON object' } });
    }
    return answer(res, record, body as Record<string, unknown>);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      handlerErrors.push(error);
      if (!res.headersSent) sendError(res, { status: 500 });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/v1`,
    port,
    requests,
    handlerErrors,
    completionRequests: () =>
      requests.flatMap((record) => (record.completion ? [record.completion] : [])),
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
