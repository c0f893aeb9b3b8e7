import { HEADERS } from '@mana/contracts';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { GatewayAccess } from '../brains/types';

/** A tool as the gateway lists it. */
export interface GatewayTool {
  name: string;
  module: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  readOnly: boolean;
}

/** The outcome of one tool call through the gateway. */
export interface GatewayCallResult {
  ok: boolean;
  /** Structured output of a successful call. */
  output?: unknown;
  /** The error text of an `isError` result or of a protocol error. */
  errorMessage?: string;
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
 * Connects the official MCP client to the gateway with the persona's headers. Fails
 * (throws) when the gateway cannot be reached or refuses the token or space.
 */
export async function connectGateway(
  access: GatewayAccess,
  signal?: AbortSignal,
): Promise<GatewaySession> {
  const client = new Client({ name: 'mana-persona-runner', version: '0.1.0' });
  const transport = new StreamableHTTPClientTransport(new URL(access.url), {
    requestInit: { headers: access.headers, ...(signal ? { signal } : {}) },
  });
  await client.connect(transport);
  return {
    async listTools() {
      const tools: GatewayTool[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {});
        for (const t of page.tools) {
          tools.push({
            name: t.name,
            module: t.name.slice(0, t.name.indexOf('.')),
            description: t.description ?? '',
            inputSchema: t.inputSchema as Record<string, unknown>,
            ...(t.outputSchema ? { outputSchema: t.outputSchema as Record<string, unknown> } : {}),
            readOnly: t.annotations?.readOnlyHint === true,
          });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },
    async callTool(name, input) {
      try {
        const result = await client.callTool({
          name,
          arguments: (input ?? {}) as Record<string, unknown>,
        });
        if (result.isError) {
          const content = Array.isArray(result.content) ? result.content : [];
          const text = content
            .map((c) => (c && typeof c === 'object' && 'text' in c ? String(c.text) : ''))
            .join(' ')
            .trim();
          return { ok: false, errorMessage: text || 'the tool reported an error' };
        }
        return { ok: true, output: result.structuredContent };
      } catch (error) {
        if (signal?.aborted) throw error;
        return { ok: false, errorMessage: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => client.close(),
  };
}
