import type { Query, SDKSystemMessage } from '@anthropic-ai/claude-agent-sdk';
import { ClaudeAgentSdkBrainError } from './errors';
import { GATEWAY_SERVER } from './tool-names';

const PENDING_POLL_MS = 250;
const PENDING_POLLS = 40;

/**
 * Throws `GATEWAY_UNAVAILABLE` unless the CLI's init message reports the gateway as
 * connected. The CLI does not fail a run whose MCP server is down: it lets the model go
 * on without tools, which would pass for a day where the persona did nothing. A server
 * still `pending` is given up to 10 s.
 */
export async function ensureGatewayConnected(
  init: SDKSystemMessage,
  query: Pick<Query, 'mcpServerStatus'>,
): Promise<void> {
  let status = init.mcp_servers.find((s) => s.name === GATEWAY_SERVER)?.status;
  let error: string | undefined;
  for (let poll = 0; status === 'pending' && poll < PENDING_POLLS; poll++) {
    await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    const server = (await query.mcpServerStatus()).find((s) => s.name === GATEWAY_SERVER);
    status = server?.status;
    error = server?.error;
  }
  if (status === 'connected') return;
  if (error === undefined && status !== undefined) {
    const server = await query
      .mcpServerStatus()
      .then((servers) => servers.find((s) => s.name === GATEWAY_SERVER))
      .catch(() => undefined);
    error = server?.error;
  }
  const why = `status ${status ?? 'missing'}${error ? `: ${error}` : ''}`;
  throw new ClaudeAgentSdkBrainError(
    'GATEWAY_UNAVAILABLE',
    `Claude Code could not connect to the MCP gateway (${why})`,
  );
}
