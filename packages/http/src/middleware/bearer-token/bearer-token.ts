import type { Context } from 'hono';

/**
 * The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or
 * `undefined` when the request has none.
 *
 * @example
 * const claims = await verifyToken(bearerToken(c));
 */
export function bearerToken(c: Context): string | undefined {
  const match = c.req.header('authorization')?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim() || undefined;
}
