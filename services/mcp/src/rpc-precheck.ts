import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/**
 * The parts of a JSON-RPC body the gateway refuses before the MCP SDK sees it, each with
 * an answer a client can act on (the SDK would run a batch, and answer a malformed
 * `tools/call` with -32603 and a raw zod dump).
 */
export type RpcPrecheck =
  | { ok: true; body: unknown }
  | { ok: false; status: number; id: string | number | null; code: number; message: string };

/** `tools/call` params as the gateway takes them; the tool checks its own arguments. */
const toolCallParams = z.object({
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Parses a `/mcp` POST body and refuses, as JSON-RPC errors:
 * - a batch (a JSON array): the protocol revisions the gateway speaks (2025-06-18 and
 *   later) have none, and one HTTP request must not run a hundred writes (issue 10 item 9);
 * - a body that is not JSON (-32700);
 * - `tools/call` without a `name` or with `arguments` that are not an object (-32602,
 *   naming the field).
 * Anything else passes on, parsed, for the SDK to handle.
 */
export function precheckRpcBody(text: string): RpcPrecheck {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(400, null, ErrorCode.ParseError, 'Parse error: the body is not JSON');
  }
  if (Array.isArray(body)) {
    return refuse(
      400,
      null,
      ErrorCode.InvalidRequest,
      'Invalid Request: JSON-RPC batches are not supported (MCP 2025-06-18 and later have none); send one message per request',
    );
  }
  if (!isObject(body) || body.method !== 'tools/call' || !('id' in body)) {
    return { ok: true, body };
  }
  const id = typeof body.id === 'string' || typeof body.id === 'number' ? body.id : null;
  const params = toolCallParams.safeParse(body.params ?? {});
  if (params.success) return { ok: true, body };
  const named = params.error.issues.map((issue) => {
    const field = ['params', ...issue.path.map(String)].join('.');
    if (issue.path[0] === 'name') return `${field} is required: the tool's name, a string`;
    if (issue.path[0] === 'arguments')
      return `${field} must be an object of the tool's input fields`;
    return `${field}: ${issue.message}`;
  });
  return refuse(
    200,
    id,
    ErrorCode.InvalidParams,
    `Invalid params for tools/call: ${named.join('; ')}`,
  );
}

/** The JSON-RPC error response of a refused body. */
export function rpcErrorResponse(refused: Extract<RpcPrecheck, { ok: false }>): Response {
  return Response.json(
    { jsonrpc: '2.0', id: refused.id, error: { code: refused.code, message: refused.message } },
    { status: refused.status },
  );
}

function refuse(
  status: number,
  id: string | number | null,
  code: number,
  message: string,
): RpcPrecheck {
  return { ok: false, status, id, code, message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
