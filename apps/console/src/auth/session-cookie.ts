import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookie that holds the admin's access token. */
export const SESSION_COOKIE = 'mana_console_session';

/**
 * Stores the access token: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on
 * cross-site POSTs), Secure when the console is served over HTTPS, and gone when the
 * token expires.
 */
export function setSessionCookie(c: Context, token: string, expiresAt: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge,
  });
}

/** The stored access token, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/** Forgets the session. */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Where to go after signing in: only a path on this console (`/…`, not `//host` or
 * `/\host`, which browsers treat as another site), else the overview.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\r\n]/.test(next)) return '/';
  return next;
}
