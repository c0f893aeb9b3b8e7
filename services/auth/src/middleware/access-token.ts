import { createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import type { Auth } from '../auth';
import { TOKEN_AUDIENCE } from '../auth';

/** The claims of an access token minted by this service. */
export interface AccessClaims {
  userId: string;
  email: string;
  kind: 'human' | 'persona' | 'system';
  role: string;
}

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
      return toClaims(payload);
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

function toClaims(payload: JWTPayload): AccessClaims | null {
  const { sub, email, kind, role } = payload as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || typeof email !== 'string') return null;
  const k = kind === 'persona' || kind === 'system' ? kind : 'human';
  return { userId: sub, email, kind: k, role: typeof role === 'string' ? role : 'user' };
}
