import type { LoginAnswer } from '@mana/contracts';
import { type Database, users } from '@mana/db';
import { and, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import { fail } from '../../errors';
import type { Auth } from '../../identity/auth';
import type { AppEnv } from '../../middleware/principal';

/**
 * `POST /api/v1/internal/personas/:id/token` (behind `X-Service-Key`) → `{accessToken,
 * expiresAt, user}`, the login's answer: a persona's token minted for the runner without
 * its password. A login costs a scrypt hash (≈ 86 ms of CPU, one at a time per core), so
 * a runner starting hundreds of days, or a load run seeding thousands of personas, would
 * spend minutes hashing; this costs one signature. It gives the runner nothing it did
 * not have: the runner holds the seed secret every persona password derives from. Only
 * live persona accounts: a human's, a system's or a deleted account is 404.
 */
export function internalTokenRoutes(deps: { db: Database; auth: Auth }) {
  return new Hono<AppEnv>().post('/:id/token', async (c) => {
    const [user] = await deps.db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        kind: users.kind,
        role: users.role,
      })
      .from(users)
      .where(
        and(eq(users.id, c.req.param('id')), eq(users.kind, 'persona'), isNull(users.deletedAt)),
      );
    if (!user) throw fail('PERSONA_NOT_FOUND');
    const token = await deps.auth.mintAccessToken(user);
    return c.json<LoginAnswer>({
      accessToken: token,
      expiresAt: new Date((decodeJwt(token).exp ?? 0) * 1000).toISOString(),
      user: { id: user.id, email: user.email, kind: 'persona' },
    });
  });
}
