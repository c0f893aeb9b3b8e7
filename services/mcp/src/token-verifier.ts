import {
  type AccessClaims,
  readAccessClaims,
  TOKEN_ALGORITHMS,
  TOKEN_AUDIENCE,
} from '@mana/contracts';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/** Who a valid access token says the caller is. */
export type Caller = AccessClaims;

/** What {@link createTokenVerifier} needs. */
export interface TokenVerifierOptions {
  /** `<identity service>/api/auth/jwks`. */
  jwksUrl: string;
  /** The expected `iss`: the identity service's base URL. */
  issuer: string;
  /** How long fetched keys are trusted (default 10 min). */
  cacheMaxAgeMs?: number;
  /** Least time between two fetches triggered by unknown key ids (default 10 s). */
  cooldownMs?: number;
}

/**
 * Verifies bearer tokens against the identity service's JWKS without calling it per
 * request: keys are cached, and a token signed by a key the cache does not know (a
 * rotated key) makes jose fetch the set again, at most once per cooldown.
 */
export function createTokenVerifier(options: TokenVerifierOptions) {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    cooldownDuration: options.cooldownMs ?? 10_000,
  });
  return async function verify(token: string): Promise<Caller | null> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: TOKEN_AUDIENCE,
        algorithms: [...TOKEN_ALGORITHMS],
      });
      return readAccessClaims(payload);
    } catch {
      return null;
    }
  };
}

export type TokenVerifier = ReturnType<typeof createTokenVerifier>;
