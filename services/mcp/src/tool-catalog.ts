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
 * definitions: JSON Schemas of input and output, and annotations from the policy.
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
    };
  });
  return { tools, byName: new Map(exposed.map((t) => [t.name, t])) };
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
