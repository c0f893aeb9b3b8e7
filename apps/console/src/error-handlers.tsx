import { createErrorHandler, notFoundHandler } from '@mana/http';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { ConsoleEnv } from './context';
import { ErrorPage } from './views/error-page';

function isApi(c: Context): boolean {
  return c.req.path === '/api' || c.req.path.startsWith('/api/');
}

/**
 * `app.onError`: JSON `{error:{code,message}}` under `/api`, an HTML error page elsewhere.
 * HTTP errors show their message; anything else is logged and shown as a bare 500.
 */
export function consoleErrorHandler(logger: Logger) {
  const json = createErrorHandler(logger);
  return (err: Error, c: Context<ConsoleEnv>) => {
    if (isApi(c)) return json(err, c);
    if (err instanceof HTTPException && err.status < 500) {
      return c.html(
        <ErrorPage status={err.status} message={err.message} admin={c.get('admin')} />,
        err.status,
      );
    }
    logger.error({ err, path: c.req.path, method: c.req.method }, 'request failed');
    return c.html(
      <ErrorPage
        status={500}
        message="The console could not build this page. The details are in its log."
        admin={c.get('admin')}
      />,
      500,
    );
  };
}

/** `app.notFound`: JSON under `/api`, an HTML 404 page elsewhere. */
export function consoleNotFound(c: Context<ConsoleEnv>) {
  if (isApi(c)) return notFoundHandler(c);
  return c.html(
    <ErrorPage
      status={404}
      message={`There is no page at ${c.req.path}.`}
      admin={c.get('admin')}
    />,
    404,
  );
}
