import { connectGateway, type GatewaySession } from '../../clients/gateway';
import type { DayContext } from '../types';
import { abortedError, ClaudeAgentSdkBrainError, messageOf } from './errors';
import type { AppTool } from './tool-names';

/**
 * The gateway tools of the persona's modules, listed over the official MCP client with the
 * persona's headers before the CLI starts: they become `allowedTools` and the table that
 * turns the model's tool names back into the app's. A gateway that cannot be reached,
 * refuses the persona, or offers none of its modules fails the day here, in a few ms,
 * rather than as an empty day.
 */
export async function personaTools(
  day: Pick<DayContext, 'gateway' | 'modules' | 'signal'>,
): Promise<AppTool[]> {
  let session: GatewaySession | undefined;
  let listed: Awaited<ReturnType<GatewaySession['listTools']>>;
  try {
    session = await connectGateway(day.gateway, day.signal);
    listed = await session.listTools();
  } catch (error) {
    if (day.signal.aborted) throw abortedError(day.signal);
    throw new ClaudeAgentSdkBrainError(
      'GATEWAY_UNAVAILABLE',
      `Could not list the MCP gateway's tools at ${day.gateway.url}: ${messageOf(error)}`,
      { cause: error },
    );
  } finally {
    await session?.close().catch(() => undefined);
  }
  const modules = new Set(day.modules);
  const tools = listed
    .filter((tool) => modules.has(tool.module))
    .map((tool) => ({ toolName: tool.name, module: tool.module }));
  if (tools.length === 0) {
    throw new ClaudeAgentSdkBrainError(
      'GATEWAY_UNAVAILABLE',
      `The MCP gateway offers no tools of the persona's modules (${day.modules.join(', ')})`,
    );
  }
  return tools;
}
