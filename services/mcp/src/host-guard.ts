import type { MiddlewareHandler } from 'hono';
import { fail } from './errors';

/** Host names a gateway bound to loopback answers to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * DNS-rebinding protection for `/mcp`: the `Host` header, and the `Origin` header when a
 * browser sends one, must name an allowed host (any port). Without it, a web page that
 * re-points its own domain at 127.0.0.1 could drive a local gateway from a browser.
 */
export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = hostnameOf(c.req.header('host'));
    const origin = c.req.header('origin');
    const originHost = origin === undefined ? undefined : originHostname(origin);
    if (
      !host ||
      !allowed.has(host) ||
      (origin !== undefined && (!originHost || !allowed.has(originHost)))
    ) {
      throw fail(
        'FORBIDDEN',
        `Host or Origin not allowed: ${origin ?? c.req.header('host') ?? '(none)'}`,
      );
    }
    await next();
  };
}

function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.split(':')[0];
}

function originHostname(origin: string): string | undefined {
  try {
    const { hostname } = new URL(origin);
    return hostname.includes(':') && !hostname.startsWith('[')
      ? `[${hostname}]`
      : hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
