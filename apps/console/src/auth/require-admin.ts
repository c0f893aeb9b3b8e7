import { HEADER_DISPLAY_NAMES } from '@mana/contracts';
import { ApiError, serviceKeyAuth } from '@mana/http';
import type { MiddlewareHandler } from 'hono';
import type { ConsoleEnv } from '../context';
import type { AdminVerifier } from './admin-verifier';
import { clearSessionCookie, readSessionCookie } from './session-cookie';

/**
 * Pages are for signed-in admins: a missing, expired or invalid session (or one whose
 * account is no longer an admin) goes to `/login?next=<this page>`.
 */
export function requireAdminPage(verify: AdminVerifier): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const result = await verify(readSessionCookie(c));
    if (result.ok) {
      c.set('admin', result.admin);
      return next();
    }
    if (readSessionCookie(c)) clearSessionCookie(c);
    const url = new URL(c.req.url);
    const params = new URLSearchParams({ next: `${url.pathname}${url.search}` });
    if (result.reason === 'not_admin') params.set('error', 'not_admin');
    return c.redirect(`/login?${params}`, 302);
  };
}

/**
 * The JSON API answers the `X-Service-Key` (the report CLI uses the key when `npm start`
 * holds the embedded database) or an admin's session cookie; a wrong key counts as none,
 * so the cookie still decides. Anything else is a JSON 401 (403 for a non-admin's session).
 */
export function requireAdminOrServiceKey(
  verify: AdminVerifier,
  serviceKey: string,
): MiddlewareHandler<ConsoleEnv> {
  return serviceKeyAuth<ConsoleEnv>({
    key: serviceKey,
    wrongKey: 'otherwise',
    otherwise: async (c, next) => {
      const result = await verify(readSessionCookie(c));
      if (result.ok) {
        c.set('admin', result.admin);
        return next();
      }
      if (result.reason === 'not_admin') {
        throw new ApiError(403, 'FORBIDDEN', 'This account is not an admin');
      }
      throw new ApiError(
        401,
        'UNAUTHORIZED',
        `Send an admin session cookie or ${HEADER_DISPLAY_NAMES.serviceKey}`,
      );
    },
  });
}
