import type { Context } from 'hono';

/** What Node's HTTP server hands Hono as `c.env` (`@hono/node-server`). */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string | undefined } };
}

/**
 * The client's address. By default the TCP peer's address: `X-Forwarded-For` is
 * written by whoever sends the request and is ignored. Behind `trustedProxies` reverse
 * proxies (`TRUST_PROXY`), each of which appends the address it saw, the entry that
 * many places from the right is the client as the outermost trusted proxy saw it.
 * `unknown` when neither is available (in-process requests in tests).
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const seen = hops[hops.length - trustedProxies] ?? hops[0];
    if (seen) return normalize(seen);
  }
  const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
  return peer ? normalize(peer) : 'unknown';
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function normalize(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}
