import { TOKEN_AUDIENCE } from '@mana/contracts';
import { sql } from 'drizzle-orm';
import { createLocalJWKSet, generateKeyPair, type JSONWebKeySet, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestAuthApp,
  TEST_BASE_URL,
  TEST_PERSONA_PASSWORD,
  type TestAuthApp,
} from '../../testing/test-app';
import { ensureAdminAccount } from '../db/admin-account';

interface LoginAnswer {
  accessToken: string;
  expiresAt: string;
  user: { id: string; email: string; kind: string };
}
interface SpacesAnswer {
  spaces: { id: string; name: string; type: string; role: string }[];
}

describe('accounts, login and spaces', () => {
  let t: TestAuthApp;
  beforeAll(async () => {
    t = await createTestAuthApp();
  });
  afterAll(() => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const spacesOf = async (token: string) => {
    const response = await t.call('GET', '/api/v1/me/spaces', { headers: bearer(token) });
    expect(response.status).toBe(200);
    return ((await response.json()) as SpacesAnswer).spaces;
  };
  const jwks = async () => (await (await t.call('GET', '/api/auth/jwks')).json()) as JSONWebKeySet;

  it('every new account gets exactly one personal space it owns', async () => {
    await t.signUp('hanna@example.com', 'correct-horse-battery', 'Hanna');
    const token = await t.login('hanna@example.com', 'correct-horse-battery');
    expect(await spacesOf(token)).toEqual([
      expect.objectContaining({ name: 'Hanna', type: 'personal', role: 'owner' }),
    ]);
  });

  it('login returns a JWT that verifies against the published JWKS with jose', async () => {
    const id = await t.createPersona({ email: 'persona.jwks@mana.test' });
    const response = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'Persona.JWKS@mana.test', password: TEST_PERSONA_PASSWORD },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as LoginAnswer;
    expect(body.user).toEqual({ id, email: 'persona.jwks@mana.test', kind: 'persona' });
    const { payload, protectedHeader } = await jwtVerify(
      body.accessToken,
      createLocalJWKSet(await jwks()),
      {
        issuer: TEST_BASE_URL,
        audience: TOKEN_AUDIENCE,
      },
    );
    expect(protectedHeader.alg).toBe('EdDSA');
    expect(payload).toMatchObject({ sub: id, email: 'persona.jwks@mana.test', kind: 'persona' });
    expect(new Date(body.expiresAt).getTime()).toBe((payload.exp ?? 0) * 1000);
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
  });

  it('issue 11 item 4: a persona token lives PERSONA_TOKEN_EXPIRES_IN, a human one JWT_EXPIRES_IN', async () => {
    const long = await createTestAuthApp({ personaTokenSeconds: 7 * 86_400 });
    try {
      await long.createPersona({ email: 'persona.week@mana.test' });
      await long.signUp('human.week@example.com', 'correct-horse-battery', 'H');
      const lifetime = async (email: string, password: string) => {
        const response = await long.call('POST', '/api/v1/auth/login', {
          body: { email, password },
        });
        expect(response.status).toBe(200);
        const { payload } = await jwtVerify(
          ((await response.json()) as LoginAnswer).accessToken,
          createLocalJWKSet(
            (await (await long.call('GET', '/api/auth/jwks')).json()) as JSONWebKeySet,
          ),
          { issuer: TEST_BASE_URL, audience: TOKEN_AUDIENCE },
        );
        return (payload.exp ?? 0) - (payload.iat ?? 0);
      };
      expect(await lifetime('persona.week@mana.test', TEST_PERSONA_PASSWORD)).toBe(7 * 86_400);
      expect(await lifetime('human.week@example.com', 'correct-horse-battery')).toBe(3600);
    } finally {
      await long.close();
    }
  });

  it('issue 11 item 4: a login leaves no session row behind (the JWT stands alone)', async () => {
    const id = await t.createPersona({ email: 'persona.sessions@mana.test' });
    const countSessions = async () => {
      const result = (await t.db.execute(
        sql`select count(*)::int as n from auth.sessions where user_id = ${id}`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]?.n;
    };
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      tokens.push(await t.login('persona.sessions@mana.test', TEST_PERSONA_PASSWORD));
    }
    expect(await countSessions()).toBe(0);
    for (const token of tokens) expect(await spacesOf(token)).toHaveLength(1);
  });

  it('refuses wrong credentials with 401 and bad input with 400 naming the field', async () => {
    await t.createPersona({ email: 'persona.pw@mana.test' });
    for (const body of [
      { email: 'persona.pw@mana.test', password: 'wrong-password' },
      { email: 'nobody@mana.test', password: 'whatever-password' },
    ]) {
      const response = await t.call('POST', '/api/v1/auth/login', { body });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' },
      });
    }
    const bad = await t.call('POST', '/api/v1/auth/login', { body: { email: 'not-an-email' } });
    expect(bad.status).toBe(400);
    const error = ((await bad.json()) as { error: { fields: { path: string }[] } }).error;
    expect(error.fields.map((f) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('a user sees only their own spaces, shared ones included', async () => {
    await t.createPersona({ email: 'persona.anna@mana.test', name: 'Anna' });
    await t.createPersona({ email: 'persona.ben@mana.test', name: 'Ben' });
    await t.createPersona({ email: 'persona.maya@mana.test', name: 'Maya' });
    const put = await t.service('PUT', '/api/v1/admin/spaces', {
      slug: 'anna-ben',
      name: 'Anna & Ben',
      type: 'family',
      members: [
        { email: 'persona.anna@mana.test', role: 'owner' },
        { email: 'persona.ben@mana.test' },
      ],
    });
    expect(put.status).toBe(201);
    const anna = await spacesOf(await t.login('persona.anna@mana.test', TEST_PERSONA_PASSWORD));
    const ben = await spacesOf(await t.login('persona.ben@mana.test', TEST_PERSONA_PASSWORD));
    const maya = await spacesOf(await t.login('persona.maya@mana.test', TEST_PERSONA_PASSWORD));
    expect(anna.map((s) => [s.name, s.type, s.role])).toEqual([
      ['Anna', 'personal', 'owner'],
      ['Anna & Ben', 'family', 'owner'],
    ]);
    expect(ben.map((s) => [s.name, s.type, s.role])).toEqual([
      ['Ben', 'personal', 'owner'],
      ['Anna & Ben', 'family', 'member'],
    ]);
    expect(maya.map((s) => s.name)).toEqual(['Maya']);
    const family = anna[1]?.id;
    expect(ben[1]?.id).toBe(family);
    expect(anna[0]?.id).not.toBe(ben[0]?.id);
  });

  describe('access token refusals', () => {
    let userId: string;
    beforeAll(async () => {
      userId = await t.createPersona({ email: 'persona.tokens@mana.test' });
    });
    const spacesStatus = async (token: string | undefined) =>
      (
        await t.call('GET', '/api/v1/me/spaces', {
          headers: token === undefined ? {} : bearer(token),
        })
      ).status;

    it('without a token', async () => {
      expect(await spacesStatus(undefined)).toBe(401);
      expect(await spacesStatus('')).toBe(401);
      expect(await spacesStatus('not.a.jwt')).toBe(401);
    });

    it('with `alg: none`', async () => {
      const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const unsigned = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: userId, email: 'persona.tokens@mana.test', kind: 'persona', iss: TEST_BASE_URL, aud: TOKEN_AUDIENCE, exp: 4102444800 })}.`;
      expect(await spacesStatus(unsigned)).toBe(401);
    });

    it('signed by a key that is not ours, even under our key id', async () => {
      const kid = (await jwks()).keys[0]?.kid ?? '';
      expect(kid).toBeTruthy();
      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = await new SignJWT({ email: 'persona.tokens@mana.test', kind: 'persona' })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setSubject(userId)
        .setIssuer(TEST_BASE_URL)
        .setAudience(TOKEN_AUDIENCE)
        .setExpirationTime('1h')
        .sign(privateKey);
      expect(await spacesStatus(forged)).toBe(401);
    });

    it('expired, or for another audience, though signed by our key', async () => {
      const sign = async (payload: Record<string, unknown>) =>
        (
          await t.auth.api.signJWT({
            body: {
              payload: {
                sub: userId,
                email: 'persona.tokens@mana.test',
                kind: 'persona',
                ...payload,
              },
            },
          })
        ).token;
      const now = Math.floor(Date.now() / 1000);
      const valid = await sign({});
      expect(await spacesStatus(valid)).toBe(200);
      expect(await spacesStatus(await sign({ iat: now - 7200, exp: now - 60 }))).toBe(401);
      expect(await spacesStatus(await sign({ aud: 'someone-else' }))).toBe(401);
    });
  });

  it('a deleted persona can neither log in nor use a token it still holds', async () => {
    const id = await t.createPersona({ email: 'persona.gone@mana.test' });
    const token = await t.login('persona.gone@mana.test', TEST_PERSONA_PASSWORD);
    expect((await t.service('DELETE', `/api/v1/admin/personas/${id}`)).status).toBe(200);
    const login = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'persona.gone@mana.test', password: TEST_PERSONA_PASSWORD },
    });
    expect(login.status).toBe(401);
    const spaces = await t.call('GET', '/api/v1/me/spaces', { headers: bearer(token) });
    expect(spaces.status).toBe(401);
  });

  describe('admin API authorization', () => {
    it('accepts the service key or an admin token; 401 otherwise; 403 for non-admins', async () => {
      await ensureAdminAccount(t.auth, t.db, {
        email: 'admin@mana.test',
        password: 'admin-password-123',
      });
      await t.signUp('plain@example.com', 'plain-password-123');
      const admin = await t.login('admin@mana.test', 'admin-password-123');
      const plain = await t.login('plain@example.com', 'plain-password-123');
      const list = (headers: Record<string, string>) =>
        t.call('GET', '/api/v1/admin/personas', { headers });
      expect((await list({ 'x-service-key': 'test-service-key-0123456789' })).status).toBe(200);
      expect((await list(bearer(admin))).status).toBe(200);
      expect((await list({})).status).toBe(401);
      expect((await list({ 'x-service-key': 'wrong' })).status).toBe(401);
      // A wrong key does not fall back to the token.
      expect((await list({ 'x-service-key': 'wrong', ...bearer(admin) })).status).toBe(401);
      const forbidden = await list(bearer(plain));
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as { error: { code: string } }).error.code).toBe(
        'FORBIDDEN',
      );
    });
  });

  it('unknown routes answer a JSON 404', async () => {
    const response = await t.call('GET', '/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here' },
    });
  });
});
