import { type AccessClaims, readAccessClaims, TOKEN_AUDIENCE } from '@mana/contracts';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import type { Auth } from '../auth';

/** How long the published key set is trusted before it is read again. */
const KEY_SET_TTL_MS = 60_000;

/**
 * Verifies access tokens against this service's own JWKS, the same keys other services
 * fetch from `/api/auth/jwks`. The key set is cached for a minute and reloaded at once
 * when a token names a key it does not hold (a rotated key).
 */
export class AccessTokenVerifier {
  #keys: { set: ReturnType<typeof createLocalJWKSet>; kids: Set<string>; at: number } | undefined;

  constructor(
    private readonly auth: Auth,
    private readonly issuer: string,
  ) {}

  /** The claims of a valid token, or `null` for anything forged, expired or malformed. */
  async verify(token: string): Promise<AccessClaims | null> {
    try {
      const kid = readKid(token);
      const keys = await this.#keySet(kid);
      const { payload } = await jwtVerify(token, keys, {
        issuer: this.issuer,
        audience: TOKEN_AUDIENCE,
        algorithms: ['EdDSA'],
      });
      return readAccessClaims(payload);
    } catch {
      return null;
    }
  }

  async #keySet(kid: string | undefined) {
    const fresh = this.#keys && Date.now() - this.#keys.at < KEY_SET_TTL_MS;
    if (!this.#keys || !fresh || (kid && !this.#keys.kids.has(kid))) {
      const jwks = (await this.auth.api.getJwks()) as JSONWebKeySet;
      this.#keys = {
        set: createLocalJWKSet(jwks),
        kids: new Set(jwks.keys.map((k) => k.kid).filter((k): k is string => Boolean(k))),
        at: Date.now(),
      };
    }
    return this.#keys.set;
  }
}

function readKid(token: string): string | undefined {
  const [header] = token.split('.');
  if (!header) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      kid?: unknown;
    };
    return typeof parsed.kid === 'string' ? parsed.kid : undefined;
  } catch {
    return undefined;
  }
}
