import { startAuthService } from '@mana/auth';
import type { ClaimBudget } from '@mana/contracts';
import type { Database } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { createApp } from '../app';
import { SESSION_COOKIE } from '../auth/session-cookie';

/** The service key of test consoles and their identity service. */
export const TEST_SERVICE_KEY = 'console-test-service-key-0123456789';
/** The admin account the identity service creates at start. */
export const ADMIN = { email: 'admin@mana.test', password: 'admin-password-123' } as const;
/** The origin `app.request()` requests come from. */
export const ORIGIN = 'http://localhost';

/**
 * A real identity service (Better Auth, JWKS) listening on a free port, and the console
 * app on the same fresh database, called in-process through `app.request()`.
 */
export async function createConsoleFixture(
  options: { now?: () => Date; budget?: ClaimBudget } = {},
) {
  const database = await createTestDatabase();
  const db = database.db as Database;
  const auth = await startAuthService({
    db,
    serviceKey: TEST_SERVICE_KEY,
    secret: 'console-test-better-auth-secret-0123456789',
    port: 0,
    admin: ADMIN,
  });
  const app = createApp({
    db,
    authUrl: auth.url,
    serviceKey: TEST_SERVICE_KEY,
    ...(options.now ? { now: options.now } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });

  /** POSTs a form (from the console's own origin unless headers say otherwise). */
  const postForm = (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, ...headers },
      body: new URLSearchParams(fields).toString(),
    });

  /** Signs in through the form; returns the `Cookie` header value of the session. */
  const signIn = async (email: string = ADMIN.email, password: string = ADMIN.password) => {
    const response = await postForm('/login', { email, password, next: '/' });
    const cookie = sessionCookie(response);
    if (!cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return cookie;
  };

  /** GETs a page with a session cookie. */
  const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
    app.request(path, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

  return {
    app,
    db,
    auth,
    postForm,
    signIn,
    get,
    close: async () => {
      await auth.close();
      await database.close();
    },
  };
}

/** The session cookie a response sets, as a `Cookie` header value (`name=value`). */
export function sessionCookie(response: Response): string | undefined {
  const header = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  const pair = header?.split(';')[0];
  return pair && pair !== `${SESSION_COOKIE}=` ? pair : undefined;
}

export type ConsoleFixture = Awaited<ReturnType<typeof createConsoleFixture>>;
