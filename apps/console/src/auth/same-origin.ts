import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests (POST, …) sent from another site: the `Origin` header,
 * or `Referer` when a browser left `Origin` out, must name this console's host (or a
 * trusted origin's). A request with neither is refused too, since browsers send at least
 * one on every form post; cookies being SameSite=Lax is the second line of defence.
 * `exempt` lets through requests no browser form can send (a custom header, e.g. CI's
 * service key on `/api`).
 */
export function sameOriginPosts(
  trustedOrigins: readonly string[] = [],
  exempt: (c: Context) => boolean = () => false,
): MiddlewareHandler {
  const trustedHosts = new Set(trustedOrigins.map((o) => new URL(o).host));
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || exempt(c)) return next();
    const ownHost = c.req.header('host') ?? new URL(c.req.url).host;
    const presented = c.req.header('origin') ?? c.req.header('referer');
    const host = hostOf(presented);
    if (!host || (host !== ownHost && !trustedHosts.has(host))) {
      throw new HTTPException(403, {
        message: 'Cross-site request refused: this form must be sent from the console itself.',
      });
    }
    return next();
  };
}

function hostOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).host;
  } catch {
    return null;
  }
}
