/** Codes a tool handler may fail with, and what they mean to the caller. */
export const TOOL_ERROR_CODES = {
  NOT_FOUND: 'The referenced item does not exist in this space',
  CONFLICT: 'The change conflicts with existing data',
  INVALID_STATE: 'The item is not in a state that allows this',
  FORBIDDEN: 'Your role in this space does not allow this',
  INVALID_INPUT: 'The input is invalid',
} as const;

export type ToolErrorCode = keyof typeof TOOL_ERROR_CODES;

/** Base of every error this package throws; `code` is stable, `cause` keeps the origin. */
export class ToolRegistryError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ToolRegistryError';
    this.code = code;
  }
}

/**
 * A failure the caller should see and can act on ("no todo with this id in this
 * space"). The gateway turns it into an `isError` result with this message; any other
 * exception becomes a generic internal error.
 */
export class ToolError extends ToolRegistryError {
  declare readonly code: ToolErrorCode;

  constructor(code: ToolErrorCode, message?: string, options?: { cause?: unknown }) {
    super(code, message ?? TOOL_ERROR_CODES[code], options);
    this.name = 'ToolError';
  }
}

/** Raised when two tools claim the same name. */
export class DuplicateToolError extends ToolRegistryError {
  constructor(readonly toolName: string) {
    super('DUPLICATE_TOOL', `A tool named "${toolName}" is already registered`);
    this.name = 'DuplicateToolError';
  }
}

/** Raised when a tool spec is malformed (name not `module.verb`, module mismatch…). */
export class InvalidToolSpecError extends ToolRegistryError {
  constructor(message: string) {
    super('INVALID_TOOL_SPEC', message);
    this.name = 'InvalidToolSpecError';
  }
}

/** Not found in the caller's space: the message names the kind and the id. */
export function notFound(kind: string, id: string): ToolError {
  return new ToolError('NOT_FOUND', `No ${kind} with id ${id} in this space`);
}
