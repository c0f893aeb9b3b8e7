import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/** A running {@link startTodoMcpServer}. */
export interface TodoMcpServer {
  /** The Streamable HTTP endpoint, `http://127.0.0.1:<port>/mcp`. */
  url: string;
  /** Inputs `todo.create` ran with, in order. */
  created: { title: string }[];
  /** Headers of every HTTP request the server received. */
  headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/**
 * A stateless MCP server over Streamable HTTP on 127.0.0.1 with dotted tool names, as
 * the gateway has: `todo.create` (succeeds), `todo.fail` (answers an `isError` result)
 * and `todo.delete` (succeeds; tests leave it out of `allowedTools`). Each HTTP request
 * gets its own server and transport, which is what stateless mode asks for.
 */
export async function startTodoMcpServer(): Promise<TodoMcpServer> {
  const created: { title: string }[] = [];
  const headers: IncomingHttpHeaders[] = [];

  function build(): McpServer {
    const mcp = new McpServer({ name: 'mana-test', version: '0.0.0' });
    mcp.registerTool(
      'todo.create',
      { description: 'Create a todo', inputSchema: { title: z.string() } },
      async ({ title }) => {
        created.push({ title });
        return { content: [{ type: 'text', text: JSON.stringify({ id: 'todo-1', title }) }] };
      },
    );
    mcp.registerTool(
      'todo.fail',
      { description: 'Always fails', inputSchema: { title: z.string() } },
      async () => ({ isError: true, content: [{ type: 'text', text: 'The todo list is locked' }] }),
    );
    mcp.registerTool(
      'todo.delete',
      { description: 'Delete a todo', inputSchema: { id: z.string() } },
      async () => ({ content: [{ type: 'text', text: 'deleted' }] }),
    );
    return mcp;
  }

  const server = createServer((req, res) => {
    headers.push(req.headers);
    const mcp = build();
    // No session id generator: stateless, a fresh transport per request.
    const transport = new StreamableHTTPServerTransport({});
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    mcp
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    created,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
