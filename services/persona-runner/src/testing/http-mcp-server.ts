import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const rpcSchema = z.object({ method: z.string() });

/** A small MCP app over Streamable HTTP on a loopback port, for the target tests. */
export interface TestHttpMcpServer {
  /** `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Every request it got, in order. */
  readonly requests: SeenRequest[];
  /** Calls of `notes.add` it answered (or was killed in). */
  readonly calls: number;
  /**
   * Stops it the way a killed process stops: open connections are destroyed (an
   * unanswered call is cut off) and the port refuses connections until {@link start}.
   */
  kill(): Promise<void>;
  /**
   * Cuts every open connection (an unanswered call is cut off) and loses its sessions,
   * but keeps listening: a process its supervisor restarted at once.
   */
  cut(): void;
  /** Listens again on the same port, with no sessions: a restarted process. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A request as the server got it: its HTTP method, JSON-RPC method (if any) and headers. */
export interface SeenRequest {
  method: string;
  rpc: string | undefined;
  headers: IncomingHttpHeaders;
}

/** What {@link startTestHttpMcpServer} may be told. */
export interface TestHttpMcpServerOptions {
  /** Called on each `notes.add` call (1-based) before it answers; may kill the server. */
  onCall?: (call: number, server: TestHttpMcpServer) => Promise<void> | void;
  /**
   * `notes.add` sends a log notification before its answer, so the answer's SSE stream
   * is open (headers sent) when `onCall` runs: a kill then breaks a stream mid-answer.
   */
  streamFirst?: boolean;
}

/**
 * Starts an MCP server (the official SDK's, one session per client, answers as SSE
 * streams as the SDK's default) with `notes.add` and `notes.list`, on a free loopback port.
 */
export async function startTestHttpMcpServer(
  options: TestHttpMcpServerOptions = {},
): Promise<TestHttpMcpServer> {
  let sessions = new Map<string, StreamableHTTPServerTransport>();
  const requests: SeenRequest[] = [];
  const notes: string[] = [];
  let calls = 0;
  let http: Server;
  let port = 0;

  const newSession = async (): Promise<StreamableHTTPServerTransport> => {
    const mcp = new McpServer(
      { name: 'notes-http', version: '1.0.0' },
      { capabilities: { logging: {} } },
    );
    mcp.registerTool(
      'notes.add',
      { description: 'Add a note', inputSchema: { text: z.string().min(1) } },
      async ({ text }, extra) => {
        calls += 1;
        if (options.streamFirst) {
          await extra.sendNotification({
            method: 'notifications/message',
            params: { level: 'info', data: `adding ${text}` },
          });
        }
        await options.onCall?.(calls, handle);
        notes.push(text);
        return { content: [{ type: 'text', text: `added: ${text}` }] };
      },
    );
    mcp.registerTool('notes.list', { description: 'List the notes' }, async () => ({
      content: [{ type: 'text', text: JSON.stringify(notes) }],
    }));
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, transport);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await mcp.connect(transport);
    return transport;
  };

  const listen = async () => {
    http = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const rpc = rpcSchema.safeParse(body);
      requests.push({
        method: req.method ?? '',
        rpc: rpc.success ? rpc.data.method : undefined,
        headers: req.headers,
      });
      const id = req.headers['mcp-session-id'];
      let transport = typeof id === 'string' ? sessions.get(id) : undefined;
      if (!transport && req.method === 'POST' && isInitializeRequest(body)) {
        transport = await newSession();
      }
      if (!transport) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'no session' } }));
        return;
      }
      await transport.handleRequest(req, res, body);
    });
    await new Promise<void>((done) => http.listen(port, '127.0.0.1', done));
    port = (http.address() as AddressInfo).port;
  };

  const kill = async () => {
    const closed = new Promise<void>((done) => http.close(() => done()));
    http.closeAllConnections();
    await closed;
    sessions = new Map();
  };

  await listen();
  const handle: TestHttpMcpServer = {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    get calls() {
      return calls;
    },
    kill,
    cut: () => {
      http.closeAllConnections();
      sessions = new Map();
    },
    start: listen,
    close: async () => {
      if (http.listening) await kill();
    },
  };
  return handle;
}
