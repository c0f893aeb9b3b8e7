import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * One structured log line per request, with the request id Hono's `requestId`
 * middleware assigned (and echoed in `X-Request-Id`).
 */
export function requestLog(
  logger: Logger,
): MiddlewareHandler<{ Variables: { requestId: string } }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  };
}
