import { TOOL_CHECKS_META_KEY, type ToolChecks, toolChecksSchema } from '@mana/contracts';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

/** A tool as the gateway lists it. */
export interface GatewayTool {
  name: string;
  module: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  readOnly: boolean;
  /**
   * How to verify a call of this write, as the app declares it (`_meta["mana/checks"]`).
   * Absent when the server declares nothing or sends something that is not valid checks.
   */
  checks?: ToolChecks;
}

/**
 * A listed MCP tool as the personas see it: the module from its `module.verb` name, the
 * read-only hint, and its declared checks when they are valid. A malformed declaration is
 * dropped rather than trusted: a check that cannot be read cannot be carried out.
 */
export function gatewayToolOf(tool: Tool): GatewayTool {
  const declared = tool._meta?.[TOOL_CHECKS_META_KEY];
  const checks = declared === undefined ? undefined : toolChecksSchema.safeParse(declared);
  return {
    name: tool.name,
    module: tool.name.slice(0, tool.name.indexOf('.')),
    description: tool.description ?? '',
    inputSchema: tool.inputSchema as Record<string, unknown>,
    ...(tool.outputSchema ? { outputSchema: tool.outputSchema as Record<string, unknown> } : {}),
    readOnly: tool.annotations?.readOnlyHint === true,
    ...(checks?.success ? { checks: checks.data } : {}),
  };
}
