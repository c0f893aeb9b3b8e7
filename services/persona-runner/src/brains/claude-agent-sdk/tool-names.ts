/** The MCP server name the gateway is registered under in the SDK's `mcpServers`. */
export const GATEWAY_SERVER = 'mana';

const PREFIX = `mcp__${GATEWAY_SERVER}__`;

/**
 * The name under which the model sees (and `allowedTools` names) a gateway tool:
 * `todo.create` → `mcp__mana__todo_create`. Claude Code turns every character outside
 * `[A-Za-z0-9_-]` into `_`.
 */
export function sdkToolName(appToolName: string): string {
  return `${PREFIX}${appToolName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** An app tool, as {@link ToolNameResolver} answers it. */
export interface AppTool {
  /** `module.verb`, e.g. `habits.recent_logs`. */
  toolName: string;
  module: string;
}

/** Maps a name the model used back to the app's tool; `undefined` for non-gateway tools. */
export type ToolNameResolver = (sdkName: string, metaToolName?: string) => AppTool | undefined;

/**
 * Undoes the SDK's name mangling. The mangling loses information (`habits_recent_logs`
 * could be `habits.recent_logs` or `habits_recent.logs`), so names are looked up in the
 * tools the gateway listed; a name the gateway did not list (the model made it up) is
 * read with the CLI's own note of the MCP name, or else split after the longest of the
 * persona's modules that prefixes it, or else at the first underscore.
 */
export function toolNameResolver(
  tools: readonly AppTool[],
  modules: readonly string[],
): ToolNameResolver {
  const bySdkName = new Map(tools.map((tool) => [sdkToolName(tool.toolName), tool]));
  const byModuleLength = [...modules].sort((a, b) => b.length - a.length);
  return (sdkName, metaToolName) => {
    const known = bySdkName.get(sdkName);
    if (known) return known;
    if (!sdkName.startsWith(PREFIX)) return undefined;
    if (metaToolName?.includes('.')) {
      return { toolName: metaToolName, module: metaToolName.slice(0, metaToolName.indexOf('.')) };
    }
    const rest = sdkName.slice(PREFIX.length);
    const module =
      byModuleLength.find((m) => rest.startsWith(`${m}_`)) ?? rest.split('_', 1)[0] ?? rest;
    const verb = rest.slice(module.length + 1);
    return { toolName: verb ? `${module}.${verb}` : module, module };
  };
}
