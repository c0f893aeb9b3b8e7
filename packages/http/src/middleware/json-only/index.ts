import type { MiddlewareHandler } from 'hono';
import { ApiError, COMMON_ERROR_CODES } from '../../errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Whether a request's `content-type` is JSON (`application/json`, `application/*+json`). */
export function isJsonRequest(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType.trim());
}

/**
 * Refuses a request with a body that is not JSON: 415 `UNSUPPORTED_MEDIA_TYPE`. A form or
 * `text/plain` post is what a cross-site page can send without a CORS preflight, so an
 * API that reads only JSON should never read one. Requests without a body (GET, HEAD,
 * DELETE without content) pass.
 *
 * @example
 * app.use('/api/v1/*', jsonOnly());
 */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    // A request has a body when it says so: a content-type, a non-zero content-length or a
    // transfer-encoding (RFC 9112 §6.3). The node adapter hands every DELETE a stream, so
    // the stream itself says nothing.
    const length = c.req.header('content-length');
    const hasBody =
      !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) &&
      (c.req.header('content-type') !== undefined ||
        (length !== undefined && length !== '0') ||
        c.req.header('transfer-encoding') !== undefined);
    if (hasBody && !isJsonRequest(c.req.header('content-type'))) {
      const { status, message } = COMMON_ERROR_CODES.UNSUPPORTED_MEDIA_TYPE;
      throw new ApiError(status, 'UNSUPPORTED_MEDIA_TYPE', message);
    }
    await next();
  };
}
