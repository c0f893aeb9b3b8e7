import {
  ERROR_KIND_META_KEY,
  type ErrorKind,
  HEADER_DISPLAY_NAMES,
  hashToolInput,
} from '@mana/contracts';
import type { Database } from '@mana/db';
import { invokeTool } from '@mana/tool-registry';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Logger } from 'pino';
import type { Caller } from './context';
import { summariseError } from './error-summary';
import type { GatewayMetrics } from './metrics';
import { precheckRpcBody, rpcErrorResponse } from './rpc-precheck';
import { recordToolOutcome, traceMcpRequest } from './telemetry/trace-mcp-request';
import type { ToolCatalog } from './tool-catalog';

/** Identifies this server to MCP clients. */
export const SERVER_INFO = { name: 'mana', version: '0.1.0' } as const;

const INSTRUCTIONS =
  'Tools of the Mana app. Every call acts inside the space selected for this connection ' +
  `(${HEADER_DISPLAY_NAMES.space}, default: your personal space). Ids returned by one tool are what other tools take.`;

/** What one MCP request runs with. */
export interface McpRequestContext {
  caller: Caller;
  spaceId: string;
  requestId: string;
  /** When set, only tools of these modules are listed and callable. */
  modules?: ReadonlySet<string> | undefined;
}

/** The per-process parts every request shares. */
export interface McpHandlerDeps {
  catalog: ToolCatalog;
  /**
   * The JSON Schema validator every request's server shares ({@link sharedSchemaValidator}).
   * The SDK builds a fresh Ajv (with its formats) for each server otherwise: ≈ 1.5 ms a request.
   */
  validator: jsonSchemaValidator;
  /** The `tools/list` answer of each module set asked for, filtered once ({@link toolsFor}). */
  toolsByModules: Map<string, Tool[]>;
  db: Database;
  logger: Logger;
  metrics: GatewayMetrics;
  now: () => Date;
}

/**
 * The validator the gateway's servers share. A server only uses it for elicitation
 * schemas, which this gateway never sends; sharing it saves building an Ajv per request.
 */
export function sharedSchemaValidator(): jsonSchemaValidator {
  return new AjvJsonSchemaValidator();
}

/**
 * The tools of a module set (all exposed tools without one), filtered on first use and
 * kept: there are a handful of module sets, and they do not change while the process runs.
 */
function toolsFor(modules: ReadonlySet<string> | undefined, deps: McpHandlerDeps): Tool[] {
  if (!modules) return deps.catalog.tools;
  const key = [...modules].sort().join(',');
  let tools = deps.toolsByModules.get(key);
  if (!tools) {
    tools = deps.catalog.tools.filter((t) => modules.has(moduleOf(t.name)));
    // Bounded: a caller naming ever new module sets cannot grow the map past this.
    if (deps.toolsByModules.size < 256) deps.toolsByModules.set(key, tools);
  }
  return tools;
}

/**
 * Answers one MCP Streamable HTTP request, statelessly: a fresh server and transport
 * per request (any replica can serve any request), JSON responses rather than SSE, and
 * the caller and space fixed for the request. The SDK allows a server one transport at a
 * time and a stateless transport one request, so both are per request; what is costly
 * to build (the schema validator, the tool lists, the catalog) is shared. Batches and
 * malformed `tools/call` params are refused first ({@link precheckRpcBody}).
 */
export async function handleMcpRequest(
  request: Request,
  ctx: McpRequestContext,
  deps: McpHandlerDeps,
): Promise<Response> {
  const checked = precheckRpcBody(await request.text());
  if (!checked.ok) return rpcErrorResponse(checked);
  const caller = { userId: ctx.caller.userId, spaceId: ctx.spaceId };
  return traceMcpRequest(request.headers, checked.body, caller, () =>
    answerMcpRequest(request, checked.body, ctx, deps),
  );
}

async function answerMcpRequest(
  request: Request,
  body: unknown,
  ctx: McpRequestContext,
  deps: McpHandlerDeps,
): Promise<Response> {
  const server = new Server(SERVER_INFO, {
    capabilities: { tools: { listChanged: false } },
    instructions: INSTRUCTIONS,
    jsonSchemaValidator: deps.validator,
  });
  const tools = toolsFor(ctx.modules, deps);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }) =>
    callTool(params.name, params.arguments, ctx, deps),
  );
  // No session id generator: stateless, so any replica can serve any request.
  const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
  await server.connect(transport);
  // Not closed afterwards: in JSON response mode the transport keeps no stream, timer or
  // pending request once it has answered, so both are garbage when this returns. Closing
  // would abort the answered call's signal and build a "Connection closed" error (two
  // stack traces): ≈ 50–90 µs of CPU a request for nothing.
  return transport.handleRequest(request, { parsedBody: body });
}

function moduleOf(toolName: string): string {
  return toolName.slice(0, toolName.indexOf('.'));
}

async function callTool(
  name: string,
  args: Record<string, unknown> | undefined,
  ctx: McpRequestContext,
  deps: McpHandlerDeps,
): Promise<CallToolResult> {
  const tool = deps.catalog.byName.get(name);
  if (!tool || (ctx.modules && !ctx.modules.has(tool.module))) {
    throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
  }
  const started = performance.now();
  const outcome = await invokeTool(tool, args ?? {}, {
    userId: ctx.caller.userId,
    spaceId: ctx.spaceId,
    db: deps.db,
    logger: deps.logger,
    now: deps.now,
  });
  const latencyMs = performance.now() - started;
  const result = outcome.ok ? 'ok' : outcome.kind;
  deps.metrics.toolCall(name, result, latencyMs / 1000);
  const errorKind = outcome.ok ? 'ok' : outcome.kind === 'internal' ? 'app_error' : 'invalid_input';
  recordToolOutcome(tool.module, errorKind, latencyMs, outcome.ok ? undefined : outcome.message);
  const line = {
    requestId: ctx.requestId,
    userId: ctx.caller.userId,
    kind: ctx.caller.kind,
    tool: name,
    spaceId: ctx.spaceId,
    inputHash: hashToolInput(args),
    latencyMs: Math.round(latencyMs * 100) / 100,
    result,
  };
  if (outcome.ok) {
    deps.logger.info(line, 'tool call');
    return {
      content: [{ type: 'text', text: JSON.stringify(outcome.output) }],
      structuredContent: outcome.output,
    };
  }
  if (outcome.kind === 'internal') {
    deps.logger.error({ ...line, err: summariseError(outcome.cause) }, 'tool call failed');
    return {
      isError: true,
      content: [
        {
          type: 'text',
          text: `${outcome.message}. The error was logged with request id ${ctx.requestId}.`,
        },
      ],
      _meta: errorKindMeta('app_error'),
    };
  }
  deps.logger.info(line, 'tool call');
  // Invalid input and a ToolError (unknown id, a state that does not allow it) both mean
  // the app refused what was sent: the caller's part, not the app failing.
  return {
    isError: true,
    content: [{ type: 'text', text: outcome.message }],
    _meta: errorKindMeta('invalid_input'),
  };
}

/** A failed result's `_meta`: why it failed, so clients need not guess from the text. */
function errorKindMeta(kind: ErrorKind): Record<string, unknown> {
  return { [ERROR_KIND_META_KEY]: kind };
}
