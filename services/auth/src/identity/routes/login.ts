import { HEADERS, type LoginAnswer, loginRequestSchema } from '@mana/contracts';
import { type Database, sessions, users } from '@mana/db';
import { secretMatches, validBody } from '@mana/http';
import { APIError } from 'better-auth';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { fail } from '../../errors';
import { clientAddress } from '../../middleware/client-address';
import type { AppEnv } from '../../middleware/principal';
import type { Auth } from '../auth';
import { ensurePersonalSpace } from '../db/spaces';
import type { LoginLimiter } from '../login-limiter';

/**
 * `POST /api/v1/auth/login {email,password}` → `{accessToken, expiresAt, user}`.
 * Signs in through Better Auth and mints the session's JWT, which any service verifies
 * against `/api/auth/jwks` without calling back; the session row is deleted once the JWT is
 * minted, so logins leave no rows behind. Every attempt passes the login limiter
 * first: an account or address over its budget of failures gets 429 with `Retry-After`
 * and its password is not even hashed.
 */
export function loginRoutes(deps: {
  auth: Auth;
  db: Database;
  limiter: LoginLimiter;
  /** Reverse proxies whose `X-Forwarded-For` is believed (`TRUST_PROXY`). */
  trustedProxies: number;
  /** A login presenting it (the persona runner's) is not charged to its address. */
  serviceKey: string;
}) {
  return new Hono<AppEnv>().post('/login', async (c) => {
    const { email, password } = await validBody(c, loginRequestSchema);
    // Every attempt is charged before the password is hashed, so a runner starting a
    // hundred persona-days at once from one address would spend the address's budget
    // on logins still in flight (and block itself for LOGIN_BLOCK_SECONDS): the runner
    // presents the service key, and its logins are charged to their accounts only.
    const trusted = secretMatches(deps.serviceKey, c.req.header(HEADERS.serviceKey));
    const keys = {
      email,
      address: trusted ? undefined : clientAddress(c, deps.trustedProxies),
    };
    const refused = await deps.limiter.admit(keys);
    if (refused) {
      c.header('Retry-After', String(refused.retryAfterSeconds));
      throw fail('RATE_LIMITED');
    }
    let session: { token: string; user: { id: string; email: string; name: string } };
    try {
      session = await deps.auth.api.signInEmail({ body: { email, password } });
    } catch (error) {
      if (error instanceof APIError && error.statusCode < 500) {
        throw fail('INVALID_CREDENTIALS');
      }
      await deps.limiter.refund(keys);
      throw error;
    }
    await deps.limiter.succeeded(keys);
    const { token } = await deps.auth.api.getToken({
      headers: new Headers({ authorization: `Bearer ${session.token}` }),
    });
    // The JWT stands alone (every service verifies it against the JWKS): the session it
    // was minted from is used by nothing after this, and a row per login was never cleaned.
    await deps.db.delete(sessions).where(eq(sessions.token, session.token));
    const [user] = await deps.db
      .select({ kind: users.kind })
      .from(users)
      .where(eq(users.id, session.user.id));
    await ensurePersonalSpace(deps.db, session.user);
    const { exp } = decodeJwt(token);
    return c.json<LoginAnswer>({
      accessToken: token,
      expiresAt: new Date((exp ?? 0) * 1000).toISOString(),
      user: { id: session.user.id, email: session.user.email, kind: user?.kind ?? 'human' },
    });
  });
}
