import { DuplicateToolError } from './errors';
import type { AnyToolSpec } from './tool-spec';

/**
 * The set of tools the app offers. Names are unique: registering a second tool under
 * an existing name throws {@link DuplicateToolError}.
 */
export class ToolRegistry {
  readonly #tools = new Map<string, AnyToolSpec>();

  constructor(tools: Iterable<AnyToolSpec> = []) {
    for (const tool of tools) this.register(tool);
  }

  /** Adds a tool; throws when the name is taken. */
  register(tool: AnyToolSpec): this {
    if (this.#tools.has(tool.name)) throw new DuplicateToolError(tool.name);
    this.#tools.set(tool.name, tool);
    return this;
  }

  /** The tool with this name, or undefined. */
  get(name: string): AnyToolSpec | undefined {
    return this.#tools.get(name);
  }

  /** Every tool, in registration order. */
  list(): AnyToolSpec[] {
    return [...this.#tools.values()];
  }

  /**
   * The tools an end-user client (MCP) may see and call: user-space scope and a `read`
   * or `write` policy. Destructive and admin tools never leave the registry.
   */
  exposed(): AnyToolSpec[] {
    return this.list().filter((t) => isExposed(t));
  }

  /** The modules that have at least one tool. */
  modules(): string[] {
    return [...new Set(this.list().map((t) => t.module))];
  }
}

/** Whether a tool may be offered to end-user clients. */
export function isExposed(tool: AnyToolSpec): boolean {
  return tool.scope === 'user-space' && (tool.policyHint === 'read' || tool.policyHint === 'write');
}
