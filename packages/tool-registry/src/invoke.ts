import type { z } from 'zod';
import { ToolError } from './errors';
import { findNulPath } from './text-safety';
import type { AnyToolSpec, ToolContext } from './tool-spec';

/** One offending field of a tool input. */
export interface ToolFieldIssue {
  path: string;
  message: string;
}

/** How a tool call ended. `internal` hides the cause from the caller; log it instead. */
export type ToolOutcome =
  | { ok: true; output: Record<string, unknown> }
  | { ok: false; kind: 'invalid_input'; message: string; fields: ToolFieldIssue[] }
  | { ok: false; kind: 'tool_error'; code: string; message: string }
  | { ok: false; kind: 'internal'; message: string; cause: unknown };

/**
 * Calls a tool the way every client should: validate the input (naming bad fields; text
 * with NUL is refused for every tool, see {@link findNulPath}), run the handler, validate the output against the spec. Never throws: an expected
 * failure is a `tool_error`, anything else (a crash, an output that breaks the
 * contract) is `internal`.
 */
export async function invokeTool(
  tool: AnyToolSpec,
  rawInput: unknown,
  ctx: ToolContext,
): Promise<ToolOutcome> {
  const nulAt = findNulPath(rawInput);
  const input = nulAt ? undefined : tool.input.safeParse(rawInput ?? {});
  if (!input?.success) {
    const fields = input
      ? issues(input.error)
      : [{ path: nulAt ?? '(root)', message: 'Text must not contain the NUL character (\\u0000)' }];
    return {
      ok: false,
      kind: 'invalid_input',
      message: `Invalid input for ${tool.name}: ${fields.map((f) => `${f.path} (${f.message})`).join('; ')}`,
      fields,
    };
  }
  let raw: unknown;
  try {
    raw = await tool.handler(input.data, ctx);
  } catch (error) {
    if (error instanceof ToolError)
      return { ok: false, kind: 'tool_error', code: error.code, message: error.message };
    return {
      ok: false,
      kind: 'internal',
      message: `${tool.name} failed unexpectedly`,
      cause: error,
    };
  }
  const output = tool.output.safeParse(raw);
  if (!output.success) {
    return {
      ok: false,
      kind: 'internal',
      message: `${tool.name} returned output that does not match its schema`,
      cause: output.error,
    };
  }
  return { ok: true, output: output.data as Record<string, unknown> };
}

function issues(error: z.ZodError): ToolFieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
