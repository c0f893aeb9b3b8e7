import type { ToolChecks } from '@mana/contracts';
import type { Database } from '@mana/db';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { InvalidToolSpecError } from './errors';

/** Who may see a tool: user-space tools act inside one space; admin tools are internal. */
export type ToolScope = 'user-space' | 'admin';

/** What a tool does to data; MCP exposes only `read` and `write`. */
export type PolicyHint = 'read' | 'write' | 'destructive';

/** Everything a handler may use. It reads and writes only rows of `spaceId`. */
export interface ToolContext {
  userId: string;
  spaceId: string;
  db: Database;
  logger: Logger;
  /** The time the call happens at; simulations move it, everything else passes real time. */
  now: () => Date;
}

/** The shape every tool input and output has: a JSON object. */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/**
 * One tool of the app: `name` is `module.verb`; `input` and `output` are zod object
 * schemas (the gateway publishes them as JSON Schema and validates both ways).
 */
export interface ToolSpec<
  I extends ObjectSchema = ObjectSchema,
  O extends ObjectSchema = ObjectSchema,
> {
  name: string;
  module: string;
  /** What the tool does, for a model choosing tools: one or two plain sentences. */
  description: string;
  scope: ToolScope;
  policyHint: PolicyHint;
  input: I;
  output: O;
  /**
   * How a careful user verifies this write: the reads that must show its effect, or why
   * it has none. Published to clients with the tool list; every `write` tool declares it.
   */
  checks?: ToolChecks;
  handler(input: z.output<I>, ctx: ToolContext): Promise<z.input<O>>;
}

/** A tool spec of any input and output. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of specs needs the handler's input widened.
export type AnyToolSpec = ToolSpec<any, any>;

const NAME = /^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$/;

/**
 * Declares a tool with its types inferred from the schemas, checking that the name is
 * `module.verb` of its own module.
 *
 * @example
 * export const todoCreate = defineTool({
 *   name: 'todo.create', module: 'todo', scope: 'user-space', policyHint: 'write',
 *   description: 'Create a todo.', input: z.object({ title: z.string() }),
 *   output: z.object({ id: z.string() }), handler: async (input, ctx) => ({ id: '…' }),
 * });
 */
export function defineTool<I extends ObjectSchema, O extends ObjectSchema>(
  spec: ToolSpec<I, O>,
): ToolSpec<I, O> {
  const match = NAME.exec(spec.name);
  if (!match) {
    throw new InvalidToolSpecError(`Tool name "${spec.name}" is not module.verb in lowercase`);
  }
  if (match[1] !== spec.module) {
    throw new InvalidToolSpecError(
      `Tool "${spec.name}" must belong to module "${match[1]}", not "${spec.module}"`,
    );
  }
  return spec;
}
