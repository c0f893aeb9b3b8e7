import { type Database, users } from '@mana/db';
import { createTokenVerifier } from '@mana/http';
import { eq } from 'drizzle-orm';

/** A signed-in operator. */
export interface Admin {
  userId: string;
  email: string;
  name: string;
}

/** Why a token was not accepted: unusable (sign in again) or not an admin's. */
export type VerifyResult =
  | { ok: true; admin: Admin }
  | { ok: false; reason: 'invalid' | 'not_admin' };

/** What {@link createAdminVerifier} needs. */
export interface AdminVerifierOptions {
  /** `<identity service>/api/auth/jwks`. */
  jwksUrl: string;
  /** The expected `iss`: the identity service's URL. */
  issuer: string;
  /** Re-reads the role, so an admin whose role was revoked is refused before the token expires. */
  db: Database;
}

/**
 * Verifies access tokens against the identity service's published keys (`@mana/http`'s
 * verifier: cached, re-fetched when a token names an unknown key) and accepts only
 * admins: the token's `role` claim must be `admin`, and the account must still be an
 * admin that is not deleted (the identity service re-reads the role the same way).
 */
export function createAdminVerifier(options: AdminVerifierOptions) {
  const verifyToken = createTokenVerifier({ keys: options.jwksUrl, issuer: options.issuer });
  return async function verify(token: string | undefined): Promise<VerifyResult> {
    const claims = await verifyToken(token);
    if (!claims) return { ok: false, reason: 'invalid' };
    if (claims.role !== 'admin') return { ok: false, reason: 'not_admin' };
    const [row] = await options.db
      .select({
        role: users.role,
        deletedAt: users.deletedAt,
        email: users.email,
        name: users.name,
      })
      .from(users)
      .where(eq(users.id, claims.userId));
    if (!row || row.deletedAt) return { ok: false, reason: 'invalid' };
    if (row.role !== 'admin') return { ok: false, reason: 'not_admin' };
    return { ok: true, admin: { userId: claims.userId, email: row.email, name: row.name } };
  };
}

/** Verifies a console session token. */
export type AdminVerifier = ReturnType<typeof createAdminVerifier>;
