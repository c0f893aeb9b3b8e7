import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, COMMON_ERROR_CODES, validationError } from './errors';

/** Reads the JSON body; 400 `INVALID_JSON` when it does not parse. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (cause) {
    const { status, message } = COMMON_ERROR_CODES.INVALID_JSON;
    throw new ApiError(status, 'INVALID_JSON', message, { cause });
  }
}

/** Validates data with a zod schema, or throws a 400 that names the offending fields. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  where: string,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw validationError(where, parsed.error);
  return parsed.data;
}

/** Reads and validates the JSON body. */
export async function validBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return validate(schema, await readJson(c), 'request body');
}

/** Validates the query string. */
export function validQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return validate(schema, c.req.query(), 'query');
}
