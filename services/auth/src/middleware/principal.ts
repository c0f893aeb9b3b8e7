import { type AccessClaims, HEADER_DISPLAY_NAMES } from '@mana/contracts';
import { type Database, users } from '@mana/db';
import { bearerToken, serviceKeyAuth, type TokenVerifier } from '@mana/http';
import { eq } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { fail } from '../errors';

/** Who is calling: the runner (service key) or a signed-in account (access token). */
export type Principal = { type: 'service' } | ({ type: 'user' } & AccessClaims);

/** Hono variables set by this service's middleware. */
export type AppEnv = { Variables: { principal: Principal } };

const asService = (c: Context<AppEnv>) => c.set('principal', { type: 'service' });

/** Requires `X-Service-Key`; 401 otherwise. */
export function requireServiceKey(serviceKey: string): MiddlewareHandler<AppEnv> {
  return serviceKeyAuth<AppEnv>({ key: serviceKey, onAccept: asService });
}

/** Requires a valid access token of an account that still exists; 401 otherwise. */
export function requireUser(verifyToken: TokenVerifier, db: Database): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', await userFromToken(c, verifyToken, db));
    await next();
  };
}

/**
 * Admin routes: the service key, or an access token of an account with role `admin`.
 * 401 when neither credential is valid (a wrong key is refused even next to a token),
 * 403 for a valid token of a non-admin.
 */
export function requireAdmin(
  serviceKey: string,
  verifyToken: TokenVerifier,
  db: Database,
): MiddlewareHandler<AppEnv> {
  return serviceKeyAuth<AppEnv>({
    key: serviceKey,
    invalidMessage: `The ${HEADER_DISPLAY_NAMES.serviceKey} header is not valid`,
    onAccept: asService,
    otherwise: async (c, next) => {
      const principal = await userFromToken(c, verifyToken, db);
      if (principal.role !== 'admin') {
        throw fail('FORBIDDEN', 'Only admins may use the admin API');
      }
      c.set('principal', principal);
      return next();
    },
  });
}

async function userFromToken(
  c: Context,
  verifyToken: TokenVerifier,
  db: Database,
): Promise<Principal & { type: 'user' }> {
  const token = bearerToken(c);
  if (!token) throw fail('UNAUTHORIZED', 'A Bearer access token is required');
  const claims = await verifyToken(token);
  if (!claims) throw fail('UNAUTHORIZED', 'The access token is invalid or expired');
  // The token may outlive the account or its role; the database has the last word.
  const [row] = await db
    .select({ role: users.role, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, claims.userId));
  if (!row || row.deletedAt) throw fail('UNAUTHORIZED', 'The account no longer exists');
  return { type: 'user', ...claims, role: row.role };
}
