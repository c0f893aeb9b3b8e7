import type { AccessClaims } from '@mana/contracts';
import { type Database, users } from '@mana/db';
import { secretMatches } from '@mana/http';
import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { fail } from '../errors';
import type { AccessTokenVerifier } from './access-token';

/** Who is calling: the runner (service key) or a signed-in account (access token). */
export type Principal = { type: 'service' } | ({ type: 'user' } & AccessClaims);

/** Hono variables set by this service's middleware. */
export type AppEnv = { Variables: { principal: Principal } };

/** The bearer token of a request, if any. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header?.match(/^Bearer\s+(.+)$/i);
  return match?.[1]?.trim();
}

/** Requires `X-Service-Key`; 401 otherwise. */
export function requireServiceKey(serviceKey: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!secretMatches(serviceKey, c.req.header('x-service-key'))) {
      throw fail('UNAUTHORIZED', 'A valid X-Service-Key header is required');
    }
    c.set('principal', { type: 'service' });
    await next();
  };
}

/** Requires a valid access token of an account that still exists; 401 otherwise. */
export function requireUser(
  verifier: AccessTokenVerifier,
  db: Database,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', await userFromToken(c, verifier, db));
    await next();
  };
}

/**
 * Admin routes: the service key, or an access token of an account with role `admin`.
 * 401 when neither credential is valid, 403 for a valid token of a non-admin.
 */
export function requireAdmin(
  serviceKey: string,
  verifier: AccessTokenVerifier,
  db: Database,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presentedKey = c.req.header('x-service-key');
    if (presentedKey !== undefined) {
      if (!secretMatches(serviceKey, presentedKey)) {
        throw fail('UNAUTHORIZED', 'The X-Service-Key header is not valid');
      }
      c.set('principal', { type: 'service' });
      return next();
    }
    const principal = await userFromToken(c, verifier, db);
    if (principal.role !== 'admin') {
      throw fail('FORBIDDEN', 'Only admins may use the admin API');
    }
    c.set('principal', principal);
    return next();
  };
}

async function userFromToken(
  c: Context,
  verifier: AccessTokenVerifier,
  db: Database,
): Promise<Principal & { type: 'user' }> {
  const token = bearerToken(c);
  if (!token) throw fail('UNAUTHORIZED', 'A Bearer access token is required');
  const claims = await verifier.verify(token);
  if (!claims) throw fail('UNAUTHORIZED', 'The access token is invalid or expired');
  // The token may outlive the account or its role; the database has the last word.
  const [row] = await db
    .select({ role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, claims.userId));
  if (!row || row.deletedAt) throw fail('UNAUTHORIZED', 'The account no longer exists');
  return { type: 'user', ...claims, role: row.role };
}
