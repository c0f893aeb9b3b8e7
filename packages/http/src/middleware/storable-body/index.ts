import { findUnstorable } from '@mana/contracts';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../../errors';
import { isJsonRequest } from '../json-only';

/**
 * Refuses a JSON or form body that holds a NUL (U+0000) in any string or key with a 400
 * naming the field: PostgreSQL cannot store it, so it would fail later as a 500. For
 * routes whose body no schema of ours reads (Better Auth's); our schemas apply the same
 * rule field by field (`storedText` in `@mana/contracts`). Reads a clone, so the handler
 * still gets the untouched request; a body that does not parse is left to the handler.
 *
 * @example
 * app.use('/api/auth/*', storableBody());
 */
export function storableBody(): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body !== null && !['GET', 'HEAD'].includes(raw.method)) {
      const type = c.req.header('content-type');
      const text = await raw.clone().text();
      let value: unknown;
      if (isJsonRequest(type)) {
        try {
          value = JSON.parse(text);
        } catch {
          value = undefined;
        }
      } else if (type?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        value = Object.fromEntries(new URLSearchParams(text));
      } else {
        value = text;
      }
      const found = findUnstorable(value);
      if (found) {
        const field = found.path.length > 0 ? found.path.join('.') : '(root)';
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          `Invalid request body: ${field} (${found.message})`,
          {
            fields: [{ path: field, message: found.message }],
          },
        );
      }
    }
    await next();
  };
}
