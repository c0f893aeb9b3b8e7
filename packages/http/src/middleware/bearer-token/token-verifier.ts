import {
  type AccessClaims,
  readAccessClaims,
  TOKEN_ALGORITHMS,
  TOKEN_AUDIENCE,
} from '@mana/contracts';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

/** Where the identity service's public keys come from. */
export type TokenKeySource =
  /** The JWKS URL (`<identity service>/api/auth/jwks`), fetched over HTTP. */
  | string
  | URL
  /** Reads the key set in-process (the identity service verifying its own tokens). */
  | (() => JSONWebKeySet | Promise<JSONWebKeySet>);

/** What {@link createTokenVerifier} needs. */
export interface TokenVerifierOptions {
  keys: TokenKeySource;
  /** The expected `iss`: the identity service's base URL. */
  issuer: string;
  /** How long a loaded key set is trusted before it is read again (default 10 min). */
  cacheMaxAgeMs?: number | undefined;
  /**
   * Least time between two reloads triggered by a token naming a key the cache does not
   * hold (a rotated key); default 10 s. Keeps forged key ids from hammering the source.
   */
  cooldownMs?: number | undefined;
  /**
   * Protected resources (RFC 8707) whose OAuth access tokens are accepted besides the
   * login tokens (`aud` = {@link TOKEN_AUDIENCE}): a token whose `aud` names one of them
   * must carry its `scope`. The MCP gateway passes its own `/mcp` URL and scope `mcp`.
   */
  resources?: readonly { audience: string; scope: string }[] | undefined;
  /**
   * Keep the claims of verified tokens, keyed by the token, so a caller's next request
   * skips the signature check: at most `maxEntries` tokens (the oldest verified leave
   * first), each for at most `maxAgeMs` (default 60 s) and never past its `exp`. Off
   * unless given. Revocation is not the verifier's business (the gateway reads the
   * account and its memberships on every request); `maxAgeMs` bounds how long a token
   * signed by a key the identity service withdrew is still believed.
   */
  verifiedCache?: VerifiedTokenCacheOptions | undefined;
}

/** How {@link createTokenVerifier} caches verified tokens. */
export interface VerifiedTokenCacheOptions {
  maxEntries: number;
  maxAgeMs?: number | undefined;
  /** Real time in ms (tests move it); token expiry is real time. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** The claims of a valid access token, or `null` for a missing, forged, expired or malformed one. */
export type TokenVerifier = (token: string | undefined) => Promise<AccessClaims | null>;

const DEFAULT_CACHE_MAX_AGE_MS = 600_000;
const DEFAULT_COOLDOWN_MS = 10_000;
const DEFAULT_VERIFIED_MAX_AGE_MS = 60_000;

/**
 * Verifies the identity service's access tokens: signature against its published keys
 * (cached; a token signed by a key the cache does not know makes the set load again, at
 * most once per cooldown, so a rotated key is picked up while the previous one still
 * verifies), `iss`, `aud` = {@link TOKEN_AUDIENCE} (or one of `resources`, with its
 * scope), the algorithms of
 * {@link TOKEN_ALGORITHMS} and expiry. Never throws.
 *
 * @example
 * const verifyToken = createTokenVerifier({ keys: `${authUrl}/api/auth/jwks`, issuer: authUrl });
 * const caller = await verifyToken(bearerToken(c)); // AccessClaims | null
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const cacheMaxAgeMs = options.cacheMaxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
  const cooldownMs = options.cooldownMs ?? DEFAULT_COOLDOWN_MS;
  const keys: JWTVerifyGetKey =
    typeof options.keys === 'function'
      ? cachedKeySet(options.keys, { cacheMaxAgeMs, cooldownMs })
      : createRemoteJWKSet(new URL(options.keys), {
          cacheMaxAge: cacheMaxAgeMs,
          cooldownDuration: cooldownMs,
        });
  const resources = options.resources ?? [];
  const audiences = [TOKEN_AUDIENCE, ...resources.map((r) => r.audience)];
  const cache = options.verifiedCache ? verifiedTokens(options.verifiedCache) : undefined;
  return async function verify(token) {
    if (!token) return null;
    const cached = cache?.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: audiences,
        algorithms: [...TOKEN_ALGORITHMS],
      });
      if (!hasResourceScope(payload, resources)) return null;
      const claims = readAccessClaims(payload);
      if (claims && typeof payload.exp === 'number') cache?.set(token, claims, payload.exp * 1000);
      return claims;
    } catch {
      return null;
    }
  };
}

/**
 * A bounded map of verified tokens to their claims. An entry is served until the earlier
 * of its token's expiry and `maxAgeMs` after it was verified; past either it is dropped.
 * Map order is insertion order, so the first key is the oldest entry to evict.
 */
function verifiedTokens(options: VerifiedTokenCacheOptions) {
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_VERIFIED_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { claims: AccessClaims; until: number }>();
  return {
    get(token: string): AccessClaims | undefined {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (now() < entry.until) return entry.claims;
      entries.delete(token);
      return undefined;
    },
    set(token: string, claims: AccessClaims, expiresAt: number): void {
      if (options.maxEntries <= 0) return;
      entries.delete(token);
      while (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      entries.set(token, { claims, until: Math.min(expiresAt, now() + maxAgeMs) });
    },
  };
}

/**
 * True for a login token (`aud` includes {@link TOKEN_AUDIENCE}); for a resource's token,
 * true when its space-separated `scope` holds the scope of a resource it is addressed to.
 */
function hasResourceScope(
  payload: JWTPayload,
  resources: readonly { audience: string; scope: string }[],
): boolean {
  const aud = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  if (aud.includes(TOKEN_AUDIENCE)) return true;
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  return resources.some((r) => aud.includes(r.audience) && scopes.includes(r.scope));
}

/**
 * A key resolver over a key set read in-process: what jose's remote set does over HTTP
 * (cache for `cacheMaxAgeMs`, reload when the token's `kid` is unknown, at most once per
 * `cooldownMs`), for a function instead of a URL.
 */
function cachedKeySet(
  load: () => JSONWebKeySet | Promise<JSONWebKeySet>,
  options: { cacheMaxAgeMs: number; cooldownMs: number },
): JWTVerifyGetKey {
  type Loaded = { resolve: ReturnType<typeof createLocalJWKSet>; kids: Set<string>; at: number };
  let loaded: Loaded | undefined;
  let loading: Promise<Loaded> | undefined;

  const reload = () => {
    loading ??= (async () => {
      try {
        const jwks = await load();
        loaded = {
          resolve: createLocalJWKSet(jwks),
          kids: new Set(jwks.keys.flatMap((k) => (k.kid ? [k.kid] : []))),
          at: Date.now(),
        };
        return loaded;
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };

  return async (header, token) => {
    let current = loaded;
    const age = current ? Date.now() - current.at : Number.POSITIVE_INFINITY;
    const unknownKid = header.kid !== undefined && !current?.kids.has(header.kid);
    if (!current || age >= options.cacheMaxAgeMs || (unknownKid && age >= options.cooldownMs)) {
      current = await reload();
    }
    return current.resolve(header, token);
  };
}
