import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** One offending field of a rejected request. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An error code's HTTP status and default human message. */
export interface ErrorCodeSpec {
  status: ContentfulStatusCode;
  message: string;
}

/**
 * An error with a stable `code` and an HTTP status; the error handler renders it as
 * `{error:{code,message,fields?}}`. Throw it through a service's error factory.
 */
export class ApiError extends HTTPException {
  readonly code: string;
  readonly fields: FieldIssue[] | undefined;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    options: { fields?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.fields = options.fields;
  }
}

/** Codes every service answers with. */
export const COMMON_ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: 'The request is invalid' },
  INVALID_JSON: { status: 400, message: 'The request body is not valid JSON' },
  UNAUTHORIZED: { status: 401, message: 'Authentication is required' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  CONFLICT: { status: 409, message: 'The request conflicts with existing data' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'The request body must be JSON (content-type: application/json)',
  },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many requests; try again later' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const satisfies Record<string, ErrorCodeSpec>;

/**
 * Declares a service's error codes as data and returns the factory that raises them.
 *
 * @example
 * const fail = defineErrorCodes({ ...COMMON_ERROR_CODES, PERSONA_NOT_FOUND: { status: 404, message: 'No persona has this id' } });
 * throw fail('PERSONA_NOT_FOUND');
 */
export function defineErrorCodes<const T extends Record<string, ErrorCodeSpec>>(codes: T) {
  const raise = (
    code: keyof T & string,
    message?: string,
    options?: { fields?: FieldIssue[]; cause?: unknown },
  ) => {
    const spec = codes[code] as ErrorCodeSpec;
    return new ApiError(spec.status, code, message ?? spec.message, options);
  };
  return Object.assign(raise, { codes });
}

/** Turns zod issues into field paths such as `actions.3.rating`. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** 400 that names every bad field, in the message and in `fields`. */
export function validationError(where: string, error: z.ZodError): ApiError {
  const fields = fieldIssues(error);
  const named = fields.map((f) => `${f.path} (${f.message})`).join('; ');
  return new ApiError(400, 'VALIDATION_FAILED', `Invalid ${where}: ${named}`, { fields });
}

const CODE_BY_STATUS: Partial<Record<number, keyof typeof COMMON_ERROR_CODES>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** The JSON body of every error answer. */
export function errorBody(code: string, message: string, fields?: FieldIssue[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

/** `app.onError`: API errors as they are, other HTTP errors by status, the rest as a bare 500. */
export function createErrorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) {
      return c.json(errorBody(err.code, err.message, err.fields), err.status);
    }
    if (err instanceof HTTPException) {
      const code = CODE_BY_STATUS[err.status] ?? 'INTERNAL';
      return c.json(errorBody(code, err.message || COMMON_ERROR_CODES[code].message), err.status);
    }
    logger.error(
      { err: errorSummary(err), path: c.req.path, method: c.req.method },
      'request failed',
    );
    return c.json(errorBody('INTERNAL', COMMON_ERROR_CODES.INTERNAL.message), 500);
  };
}

/**
 * What an unexpected error may put in a log: its class, the SQLSTATE and constraint of a
 * database error (on it or its cause), and the stack frames. Never its message: a
 * driver's message carries the SQL and its parameters, i.e. the user's content.
 */
export function errorSummary(err: unknown): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 3; depth++) {
    const fields = current as Error & { code?: unknown; constraint?: unknown };
    summary[depth === 0 ? 'type' : `cause${depth}Type`] = current.name;
    if (typeof fields.code === 'string' && summary.code === undefined) summary.code = fields.code;
    if (typeof fields.constraint === 'string') summary.constraint = fields.constraint;
    if (depth === 0) {
      summary.stack = (current.stack ?? '')
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .map((line) => line.trim());
    }
    current = current.cause;
  }
  return summary;
}

/** `app.notFound`: the JSON 404. */
export function notFoundHandler(c: Context) {
  return c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404);
}
