import { TOKEN_AUDIENCE } from '@mana/contracts';
import { Hono } from 'hono';
import {
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Listening, listen } from '../../listen';
import { bearerToken, createTokenVerifier } from './index';

const ISSUER = 'http://identity.test';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' } };
}

function sign(key: SigningKey, claims: JWTPayload = {}, expiresIn: string | number = '5m') {
  return new SignJWT({
    sub: 'user-anna',
    iss: ISSUER,
    aud: TOKEN_AUDIENCE,
    email: 'anna@mana.test',
    kind: 'persona',
    role: 'user',
    ...claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

/** A key source that counts its reads and publishes whatever `published` holds. */
function keySource(...keys: SigningKey[]) {
  const source = {
    published: keys,
    loads: 0,
    load: (): JSONWebKeySet => {
      source.loads += 1;
      return { keys: source.published.map((k) => k.jwk) };
    },
  };
  return source;
}

let first: SigningKey;
let second: SigningKey;
beforeAll(async () => {
  [first, second] = await Promise.all([signingKey('key-1'), signingKey('key-2')]);
});

describe('createTokenVerifier', () => {
  it('returns the claims of a valid token', async () => {
    const verify = createTokenVerifier({ keys: keySource(first).load, issuer: ISSUER });
    expect(await verify(await sign(first))).toEqual({
      userId: 'user-anna',
      email: 'anna@mana.test',
      kind: 'persona',
      role: 'user',
    });
  });

  it('refuses anything forged, expired, misaddressed or malformed with null', async () => {
    const verify = createTokenVerifier({ keys: keySource(first).load, issuer: ISSUER });
    const impostor = await signingKey(first.kid);
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      undefined,
      '',
      'not.a.jwt',
      await sign(impostor),
      await sign(first, {}, now - 10),
      await sign(first, { iss: 'http://someone-else.test' }),
      await sign(first, { aud: 'someone-else' }),
      await sign(first, { sub: '' }),
      `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'user-anna', iss: ISSUER, aud: TOKEN_AUDIENCE, exp: now + 60 })}.`,
    ];
    for (const token of refused) expect(await verify(token), String(token)).toBeNull();
  });

  it('accepts a resource’s token only with the resource’s scope', async () => {
    const resource = 'http://127.0.0.1:3069/mcp';
    const verify = createTokenVerifier({
      keys: keySource(first).load,
      issuer: ISSUER,
      resources: [{ audience: resource, scope: 'mcp' }],
    });
    expect(
      await verify(await sign(first, { aud: resource, scope: 'mcp offline_access' })),
    ).toMatchObject({
      userId: 'user-anna',
      kind: 'persona',
    });
    expect(await verify(await sign(first))).not.toBeNull();
    for (const claims of [
      { aud: resource, scope: 'offline_access' },
      { aud: resource },
      { aud: 'http://127.0.0.1:9999/mcp', scope: 'mcp' },
    ]) {
      expect(await verify(await sign(first, claims)), JSON.stringify(claims)).toBeNull();
    }
    // Without the option, a resource's token is refused whatever its scope.
    const loginOnly = createTokenVerifier({ keys: keySource(first).load, issuer: ISSUER });
    expect(await loginOnly(await sign(first, { aud: resource, scope: 'mcp' }))).toBeNull();
  });

  describe('with keys read in-process', () => {
    it('reads the key set once while it is fresh', async () => {
      const source = keySource(first);
      const verify = createTokenVerifier({ keys: source.load, issuer: ISSUER });
      const token = await sign(first);
      await Promise.all([verify(token), verify(token), verify(token)]);
      expect(await verify(token)).not.toBeNull();
      expect(source.loads).toBe(1);
    });

    it('picks up a rotated key at once and still accepts the previous one', async () => {
      const source = keySource(first);
      const verify = createTokenVerifier({ keys: source.load, issuer: ISSUER, cooldownMs: 0 });
      expect(await verify(await sign(first))).not.toBeNull();
      source.published = [first, second];
      expect(await verify(await sign(second))).not.toBeNull();
      expect(await verify(await sign(first))).not.toBeNull();
      expect(source.loads).toBe(2);
    });

    it('reloads for an unknown key at most once per cooldown', async () => {
      const source = keySource(first);
      const verify = createTokenVerifier({ keys: source.load, issuer: ISSUER, cooldownMs: 60_000 });
      expect(await verify(await sign(first))).not.toBeNull();
      source.published = [first, second];
      expect(await verify(await sign(second))).toBeNull();
      expect(source.loads).toBe(1);
    });

    it('reads the set again once it is older than cacheMaxAgeMs', async () => {
      const source = keySource(first);
      const verify = createTokenVerifier({ keys: source.load, issuer: ISSUER, cacheMaxAgeMs: 0 });
      const token = await sign(first);
      await verify(token);
      await verify(token);
      expect(source.loads).toBe(2);
      source.published = [second];
      expect(await verify(token)).toBeNull();
    });

    it('answers null when the key set cannot be read', async () => {
      const verify = createTokenVerifier({
        keys: async () => {
          throw new Error('database down');
        },
        issuer: ISSUER,
      });
      expect(await verify(await sign(first))).toBeNull();
    });
  });

  describe('with a JWKS URL', () => {
    let server: Listening;
    const source = { published: [] as SigningKey[], fetches: 0 };
    beforeAll(async () => {
      source.published = [first];
      server = await listen(
        () => {
          source.fetches += 1;
          return Response.json({ keys: source.published.map((k) => k.jwk) });
        },
        { port: 0 },
      );
    });
    afterAll(() => server.close());

    it('fetches the set once, then picks up a rotated key', async () => {
      const verify = createTokenVerifier({
        keys: `${server.url}/api/auth/jwks`,
        issuer: ISSUER,
        cooldownMs: 0,
      });
      const token = await sign(first);
      expect(await verify(token)).toMatchObject({ userId: 'user-anna' });
      expect(await verify(token)).not.toBeNull();
      expect(source.fetches).toBe(1);
      source.published = [first, second];
      expect(await verify(await sign(second))).not.toBeNull();
      expect(await verify(token)).not.toBeNull();
      expect(source.fetches).toBe(2);
    });
  });
});

describe('bearerToken', () => {
  const app = new Hono().get('/', (c) => c.json({ token: bearerToken(c) ?? null }));
  const read = async (authorization?: string) =>
    (
      (await (
        await app.request('/', { headers: authorization ? { authorization } : {} })
      ).json()) as { token: string | null }
    ).token;

  it('reads the token of a Bearer header, whatever the scheme’s case', async () => {
    expect(await read('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(await read('bearer   abc ')).toBe('abc');
  });

  it('is undefined without one', async () => {
    expect(await read()).toBeNull();
    expect(await read('Basic dXNlcjpwdw==')).toBeNull();
    expect(await read('Bearer ')).toBeNull();
  });

  describe('issue 11 item 4: the verified-token cache', () => {
    // cacheMaxAgeMs 0 makes every real verification read the key set: loads count them.
    const cached = (
      source: ReturnType<typeof keySource>,
      clock: { now: number },
      maxAgeMs = 60_000,
    ) =>
      createTokenVerifier({
        keys: source.load,
        issuer: ISSUER,
        cacheMaxAgeMs: 0,
        verifiedCache: { maxEntries: 2, maxAgeMs, now: () => clock.now },
      });

    it('verifies a token once, then answers its claims from the cache', async () => {
      const source = keySource(first);
      const verify = cached(source, { now: Date.now() });
      const token = await sign(first);
      expect(await verify(token)).toMatchObject({ userId: 'user-anna' });
      expect(await verify(token)).toMatchObject({ userId: 'user-anna' });
      expect(source.loads).toBe(1);
    });

    it('verifies again after maxAgeMs and never serves a token past its exp', async () => {
      const source = keySource(first);
      const clock = { now: Date.now() };
      const verify = cached(source, clock, 1_000);
      const token = await sign(first, {}, '5m');
      await verify(token);
      clock.now += 1_001;
      await verify(token);
      expect(source.loads).toBe(2);

      const long = cached(source, clock, 3_600_000);
      const shortLived = await sign(first, {}, '2m');
      await long(shortLived);
      const loads = source.loads;
      clock.now += 3 * 60_000; // past exp (by the cache's clock), within maxAgeMs
      await long(shortLived);
      expect(source.loads).toBe(loads + 1);
    });

    it('holds at most maxEntries tokens, dropping the oldest', async () => {
      const source = keySource(first);
      const verify = cached(source, { now: Date.now() });
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((sub) => sign(first, { sub })));
      for (const token of [a, b, c, c, b]) await verify(token);
      expect(source.loads).toBe(3);
      await verify(a);
      expect(source.loads).toBe(4);
    });

    it('never caches a refused token', async () => {
      const source = keySource(first);
      const verify = cached(source, { now: Date.now() });
      const forged = await sign(second);
      expect(await verify(forged)).toBeNull();
      expect(await verify(forged)).toBeNull();
      expect(source.loads).toBe(2);
    });
  });
});
