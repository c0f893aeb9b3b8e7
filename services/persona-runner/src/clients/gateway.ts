import { type ErrorKind, HEADERS } from '@mana/contracts';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  StreamableHTTPClientTransport,
  StreamableHTTPError,
} from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  type CallToolResult,
  CallToolResultSchema,
  type ListToolsResult,
  ListToolsResultSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation/types.js';
import type { GatewayAccess } from '../brains/types';
import { withOwnSignal } from '../target/with-own-signal';
import { tracePropagatingFetch, withToolSpans } from '../telemetry/tool-span';
import { errorKindOfResult, errorKindOfThrown } from './error-kind';
import type { GatewayConnections } from './gateway-connections';
import { type GatewayTool, gatewayToolOf } from './gateway-tool';

export type { GatewayTool } from './gateway-tool';

/** How long one tool call may take before it counts as a `timeout`, unless told otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/** The outcome of one tool call through the gateway. */
export interface GatewayCallResult {
  ok: boolean;
  /** Structured output of a successful call. */
  output?: unknown;
  /** The error text of an `isError` result or of a protocol error. */
  errorMessage?: string;
  /** Why a failed call failed; set on every failure. */
  errorKind?: ErrorKind;
}

/** An MCP session with the gateway, as any MCP client would hold one. */
export interface GatewaySession {
  listTools(): Promise<GatewayTool[]>;
  callTool(name: string, input: unknown): Promise<GatewayCallResult>;
  close(): Promise<void>;
}

/**
 * The headers a persona's gateway connection carries: its token, the space it acts in
 * today and the modules it uses (the gateway lists and allows only their tools).
 */
export function gatewayHeaders(
  token: string,
  spaceId: string,
  modules: readonly string[],
): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    [HEADERS.space]: spaceId,
    [HEADERS.modules]: modules.join(','),
  };
}

/**
 * Sends a day's `tools/list` and `tools/call` requests and parses their results: the seam
 * between a session's logic and the client it runs over (its own, or one shared by days).
 */
export interface SessionRequests {
  list(params: { cursor?: string }): Promise<ListToolsResult>;
  call(params: { name: string; arguments: Record<string, unknown> }): Promise<CallToolResult>;
}

/** {@link SessionRequests} over `client`, each under the day's `signal` and `timeout`. */
export function sessionRequests(
  client: Client,
  timeout: number,
  signal: AbortSignal | undefined,
): SessionRequests {
  return {
    list: (params) =>
      linkedTo(signal, (callSignal) =>
        client.request({ method: 'tools/list', params }, ListToolsResultSchema, {
          timeout,
          signal: callSignal,
        }),
      ),
    call: (params) =>
      linkedTo(signal, (callSignal) =>
        client.request({ method: 'tools/call', params }, CallToolResultSchema, {
          timeout,
          signal: callSignal,
        }),
      ),
  };
}

/**
 * Connects the official MCP client to the gateway with the persona's headers. Fails
 * (throws) when the gateway cannot be reached or refuses the token or space; over the
 * runner's shared connections nothing is sent at connect, and the day's first request
 * that the gateway refuses throws a {@link GatewayRefusedError} instead.
 *
 * A call never throws for a failure of its own: it answers `ok: false` with the message
 * and the error's kind (see `error-kind.ts`), also when it ran past its deadline
 * (`access.callTimeoutMs`, default {@link DEFAULT_CALL_TIMEOUT_MS}) or when its output
 * breaks the schema the tool listed (`app_error`). Only an aborted `signal`, or a
 * refusal of the day itself (HTTP 401 or 403, {@link GatewayRefusedError}), makes it throw.
 *
 * With `access.connections` the day borrows the runner's client of its gateway and module
 * set (tool list and validators kept across days, see {@link GatewayConnections});
 * without, it builds, initializes and closes a client of its own.
 * When `access.connect` is set (a target other than the built-in gateway), that opens
 * the session instead.
 */
export async function connectGateway(
  access: GatewayAccess,
  signal?: AbortSignal,
): Promise<GatewaySession> {
  if (access.connect) return access.connect(signal);
  if (access.connections) return withToolSpans(await access.connections.open(access, signal));
  const transport = new StreamableHTTPClientTransport(new URL(access.url), {
    requestInit: { headers: access.headers, ...(signal ? { signal } : {}) },
    fetch: (url, init) => tracePropagatingFetch(url, withOwnSignal(init)),
  });
  return openMcpSession(transport, access, signal);
}

/**
 * The session of {@link connectGateway} over any MCP transport (stdio for a target the
 * runner starts): the same deadlines, output validation and error kinds. `onClose` is
 * told when the connection ends, whoever ended it.
 */
export async function openMcpSession(
  transport: Transport,
  options: { callTimeoutMs?: number; onClose?: () => void },
  signal?: AbortSignal,
): Promise<GatewaySession> {
  const client = new Client({ name: 'mana-persona-runner', version: '0.1.0' });
  if (options.onClose) client.onclose = options.onClose;
  await client.connect(transport);
  const request = sessionRequests(client, options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS, signal);
  // Outputs are validated here rather than inside the SDK's callTool, whose schema
  // mismatch is a JSON-RPC InvalidParams error that would read as the persona's mistake.
  // A tool's validator is compiled when it is first called: a day calls a few of them.
  const validation = lazyOutputValidation(new AjvJsonSchemaValidator());
  const session: GatewaySession = {
    async listTools() {
      const tools = await listAllTools(request);
      for (const tool of tools) {
        if (tool.outputSchema) validation.schemas.set(tool.name, tool.outputSchema);
      }
      return tools;
    },
    callTool: (name, input) => callTool(request, validation, name, input, signal),
    close: () => client.close(),
  };
  return withToolSpans(session);
}

/** Every page of `tools/list`, as the personas see the tools. */
export async function listAllTools(request: SessionRequests): Promise<GatewayTool[]> {
  const tools: GatewayTool[] = [];
  let cursor: string | undefined;
  do {
    const page = await request.list(cursor ? { cursor } : {});
    for (const listed of page.tools) tools.push(gatewayToolOf(listed));
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

/**
 * One tool call: never throws for a failure of its own (see {@link connectGateway}), only
 * when the day's `signal` was aborted.
 */
/**
 * The gateway refused a day's request itself (HTTP 401 or 403: the persona's token or
 * space): not a call's failure but the day's, which it fails.
 */
export class GatewayRefusedError extends Error {
  constructor(cause: StreamableHTTPError) {
    super(`the gateway refused the persona's token or space: ${cause.message}`, { cause });
    this.name = 'GatewayRefusedError';
  }
}

/** `error` as a {@link GatewayRefusedError} when it is an HTTP 401 or 403; else itself. */
export function refusalOf(error: unknown): unknown {
  return error instanceof StreamableHTTPError && (error.code === 401 || error.code === 403)
    ? new GatewayRefusedError(error)
    : error;
}

export async function callTool(
  request: SessionRequests,
  validation: OutputValidation,
  name: string,
  input: unknown,
  signal: AbortSignal | undefined,
): Promise<GatewayCallResult> {
  try {
    const params = { name, arguments: (input ?? {}) as Record<string, unknown> };
    const result = await request.call(params);
    if (result.isError) {
      const text = textOf(result.content);
      return {
        ok: false,
        errorMessage: text || 'the tool reported an error',
        errorKind: errorKindOfResult(result._meta, text),
      };
    }
    if (validation.schemas.has(name)) {
      const problem =
        result.structuredContent === undefined
          ? 'it has an output schema but answered no structured content'
          : validation.problem(name, result.structuredContent);
      if (problem) {
        return {
          ok: false,
          errorMessage: `${name} answered output that does not match its schema: ${problem}`,
          errorKind: 'app_error',
        };
      }
    }
    return { ok: true, output: result.structuredContent };
  } catch (error) {
    if (signal?.aborted || error instanceof GatewayRefusedError) throw error;
    return {
      ok: false,
      errorMessage: error instanceof Error ? error.message : String(error),
      errorKind: errorKindOfThrown(error),
    };
  }
}

/**
 * Runs one request under a signal of its own that aborts with the day's. The SDK adds an
 * abort listener to a request's signal and never removes it; on the day's signal those
 * would pile up call after call. (The transport ignores `requestInit.signal` for its
 * POSTs, so without this an aborted day would wait for the call's answer or deadline.)
 */
export async function linkedTo<T>(
  day: AbortSignal | undefined,
  request: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const own = new AbortController();
  const onAbort = () => own.abort(day?.reason);
  if (day?.aborted) onAbort();
  day?.addEventListener('abort', onAbort, { once: true });
  try {
    return await request(own.signal);
  } finally {
    day?.removeEventListener('abort', onAbort);
  }
}

/** Output schemas by tool name, and the validators compiled from them. */
export interface OutputValidation {
  schemas: Map<string, Record<string, unknown>>;
  /** Why `output` breaks the tool's schema; undefined when it does not (or none is known). */
  problem(name: string, output: unknown): string | undefined;
}

/** A compiled output check: why a value breaks its schema, or undefined. */
type OutputCheck = (output: unknown) => string | undefined;

/**
 * Output schemas by tool name, compiled into validators on first use with `ajv` (the SDK's
 * Ajv with formats; building one costs ≈ 1.5 ms, so a runner shares one). Compiling one
 * schema costs milliseconds, so `compiledBySchema` (keyed by the schema's JSON) lets
 * several validations share what any of them compiled: the runner's clients of one
 * gateway list the same tools for each module set.
 */
export function lazyOutputValidation(
  ajv: AjvJsonSchemaValidator,
  compiledBySchema: Map<string, OutputCheck> = new Map(),
): OutputValidation {
  const schemas = new Map<string, Record<string, unknown>>();
  const compiled = new Map<string, OutputCheck>();
  return {
    schemas,
    problem(name: string, output: unknown): string | undefined {
      let validate = compiled.get(name);
      const schema = schemas.get(name);
      if (!validate && schema) {
        const key = JSON.stringify(schema);
        validate = compiledBySchema.get(key);
        if (!validate) {
          const check = ajv.getValidator(schema as JsonSchemaType);
          validate = (value) => {
            const verdict = check(value);
            return verdict.valid ? undefined : (verdict.errorMessage ?? 'invalid');
          };
          compiledBySchema.set(key, validate);
        }
        compiled.set(name, validate);
      }
      return validate?.(output);
    },
  };
}

/** The text parts of a result's content, joined. */
function textOf(content: unknown): string {
  const parts = Array.isArray(content) ? content : [];
  return parts
    .map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : ''))
    .join(' ')
    .trim();
}
