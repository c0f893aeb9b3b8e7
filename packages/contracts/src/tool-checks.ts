import { z } from 'zod';

/**
 * How a careful persona verifies a write: a read it makes right after, and what that
 * read must show. Declared next to each write tool of an app (the gateway publishes it
 * in the tool's `_meta` under {@link TOOL_CHECKS_META_KEY}) or derived from the tools'
 * schemas for an app that declares none; the runner's brains carry it out, each check
 * a real tool call through the gateway.
 *
 * Values are JSON literals or references into the write's call: a string
 * `$input.<path>` or `$output.<path>` (dot-separated keys, numeric segments index
 * arrays). A literal string that begins with `$` is written `$$…`.
 *
 * @example
 * // todo.create: the new todo is in the list, with the title the create answered.
 * {
 *   read: 'todo.list',
 *   input: { status: 'all', query: '$output.todo.title' },
 *   find: { list: 'todos', where: { id: '$output.todo.id' } },
 *   expect: { title: '$output.todo.title', status: 'open' },
 * }
 */
export const toolCheckSchema = z
  .object({
    /** The read tool to call (same app; usually the same module). */
    read: z.string().min(1).max(100),
    /** Its arguments; values may be references. */
    input: z.record(z.string(), z.unknown()).default({}),
    /**
     * Where the written item is in the read's answer: in the array at path `list`, the
     * element whose fields equal `where`; or the object at path `item`.
     */
    find: z.union([
      z.object({ list: z.string().min(1), where: z.record(z.string(), z.unknown()) }).strict(),
      z.object({ item: z.string().min(1) }).strict(),
    ]),
    /** Fields (paths inside the found item) and the values they must have. */
    expect: z.record(z.string(), z.unknown()).optional(),
    /** The item must NOT be found (an archive that hides it from the default list). */
    absent: z.boolean().optional(),
  })
  .strict();

export type ToolCheck = z.output<typeof toolCheckSchema>;

/**
 * What a write tool declares: the checks that verify it (tried in order; the persona
 * may stop after the first that shows the effect) or why it has none.
 */
export const toolChecksSchema = z.union([
  z.object({ checks: z.array(toolCheckSchema).min(1).max(5) }).strict(),
  z.object({ none: z.string().min(1).max(300) }).strict(),
]);

export type ToolChecks = z.output<typeof toolChecksSchema>;

/** The `_meta` key of a listed tool that carries its {@link ToolChecks}. */
export const TOOL_CHECKS_META_KEY = 'mana/checks';

/** The `_meta` key of a failed tool result that carries its {@link ErrorKind}. */
export const ERROR_KIND_META_KEY = 'mana/errorKind';
