import {
  TOOL_CHECKS_META_KEY,
  type ToolChecks,
  toolCheckSchema,
  toolChecksSchema,
} from '@mana/contracts';
import type { AnyToolSpec, ToolRegistry } from '@mana/tool-registry';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** The tools a client may list and call, converted to MCP once at start-up. */
export interface ToolCatalog {
  /** The `tools/list` answer. */
  tools: Tool[];
  /** Exposed tools by name; anything absent (destructive, admin, unknown) is uncallable. */
  byName: Map<string, AnyToolSpec>;
}

/**
 * Maps the registry's exposed tools (user-space, read or write) to MCP tool
 * definitions: JSON Schemas of input and output, annotations from the policy, and a
 * write's declared checks in `_meta["mana/checks"]` ({@link TOOL_CHECKS_META_KEY}), so a
 * client can verify its writes the way the app means them to be verified. A malformed
 * declaration fails here, at start-up, naming the tool.
 */
export function buildToolCatalog(registry: ToolRegistry): ToolCatalog {
  const exposed = registry.exposed();
  const tools = exposed.map((tool): Tool => {
    const read = tool.policyHint === 'read';
    return {
      name: tool.name,
      title: titleOf(tool.name),
      description: tool.description,
      inputSchema: jsonSchema(tool.input, 'input') as Tool['inputSchema'],
      outputSchema: jsonSchema(tool.output, 'output') as Tool['outputSchema'],
      annotations: {
        title: titleOf(tool.name),
        readOnlyHint: read,
        destructiveHint: false,
        idempotentHint: read,
        openWorldHint: false,
      },
      ...(tool.checks ? { _meta: { [TOOL_CHECKS_META_KEY]: publishedChecks(tool) } } : {}),
    };
  });
  return { tools, byName: new Map(exposed.map((t) => [t.name, t])) };
}

/** The tool's checks as the wire reads them (defaults filled in); throws when malformed. */
function publishedChecks(tool: AnyToolSpec): ToolChecks {
  const parsed = toolChecksSchema.safeParse(tool.checks);
  if (parsed.success) return parsed.data;
  // A union only says "invalid input"; each check on its own names the bad field.
  const declared = (tool.checks as { checks?: unknown }).checks;
  const issues = Array.isArray(declared)
    ? declared.flatMap((check, i) => {
        const one = toolCheckSchema.safeParse(check);
        return one.success
          ? []
          : one.error.issues.map((issue) => ({ ...issue, path: ['checks', i, ...issue.path] }));
      })
    : [];
  const named = (issues.length > 0 ? issues : parsed.error.issues).map(
    (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
  );
  throw new TypeError(`Tool ${tool.name} declares malformed checks: ${named.join('; ')}`);
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-7',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function titleOf(name: string): string {
  const [module, verb] = name.split('.') as [string, string];
  const words = `${verb.replace(/_/g, ' ')} (${module})`;
  return words.charAt(0).toUpperCase() + words.slice(1);
}
