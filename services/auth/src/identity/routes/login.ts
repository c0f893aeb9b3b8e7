import { type LoginAnswer, loginRequestSchema } from '@mana/contracts';
import { type Database, users } from '@mana/db';
import { validBody } from '@mana/http';
import { APIError } from 'better-auth';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { fail } from '../../errors';
import type { AppEnv } from '../../middleware/principal';
import type { Auth } from '../auth';
import { ensurePersonalSpace } from '../db/spaces';

/**
 * `POST /api/v1/auth/login {email,password}` → `{accessToken, expiresAt, user}`.
 * Signs in through Better Auth and mints the session's JWT, which any service verifies
 * against `/api/auth/jwks` without calling back.
 */
export function loginRoutes(deps: { auth: Auth; db: Database }) {
  return new Hono<AppEnv>().post('/login', async (c) => {
    const { email, password } = await validBody(c, loginRequestSchema);
    let session: { token: string; user: { id: string; email: string; name: string } };
    try {
      session = await deps.auth.api.signInEmail({ body: { email, password } });
    } catch (error) {
      if (error instanceof APIError && error.statusCode < 500) {
        throw fail('INVALID_CREDENTIALS');
      }
      throw error;
    }
    const { token } = await deps.auth.api.getToken({
      headers: new Headers({ authorization: `Bearer ${session.token}` }),
    });
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
