import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for `/mcp`, for MCP clients in a browser (the MCP Inspector, direct mode): any
 * origin (the host guard decides which may call), these request headers, and these
 * response headers readable. Preflights are answered by Hono's `cors`; any other request
 * gets its two headers on the finished response, after the handler.
 *
 * Not Hono's `cors` for those: it sets its headers through `c.res` before the handler
 * runs, and once `c.res` exists Hono merges it into the handler's Response by building a
 * new Response around the old one's body stream, which `@hono/node-server` then has to
 * read back: ≈ 0.15 ms of CPU a request (`npm run bench:stages -w @mana/mcp`).
 *
 * @example
 * app.use('/mcp', mcpCors({ allowMethods: ['POST'], allowHeaders: ['authorization'], exposeHeaders: [] }));
 */
export function mcpCors(options: {
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
}): MiddlewareHandler {
  const preflight = cors({ origin: '*', ...options });
  const exposed = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    if (exposed) c.res.headers.set('Access-Control-Expose-Headers', exposed);
  };
}
