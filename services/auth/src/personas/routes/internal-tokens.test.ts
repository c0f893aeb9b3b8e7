// Issue 11 item 4: the runner opens a persona's account with a token the identity service
// mints against the service key (no password, no scrypt hash), and a claim hands it the
// persona's spaces, so a persona-day needs no login and no spaces read.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, TEST_PERSONA_PASSWORD, type TestAuthApp } from '../../testing/test-app';

interface TokenAnswer {
  accessToken: string;
  expiresAt: string;
  user: { id: string; email: string; kind: string };
}

describe('persona tokens minted for the runner', () => {
  let t: TestAuthApp;
  let withPassword: string;
  let withoutPassword: string;

  beforeAll(async () => {
    t = await createTestAuthApp({ personaTokenSeconds: 7 * 86_400 });
    withPassword = await t.createPersona({ email: 'minted@mana.test' });
    withoutPassword = await t.createPersona({
      email: 'clone@mana.test',
      password: undefined,
    });
  });
  afterAll(() => t.close());

  const mint = (id: string) => t.service('POST', `/api/v1/internal/personas/${id}/token`);

  it('mints a persona token any service takes, with the persona lifetime', async () => {
    const response = await mint(withPassword);
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenAnswer;
    expect(body.user).toEqual({ id: withPassword, email: 'minted@mana.test', kind: 'persona' });
    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({ sub: withPassword, kind: 'persona', email: 'minted@mana.test' });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7 * 86_400);
    expect(Date.parse(body.expiresAt)).toBe((claims.exp ?? 0) * 1000);
    // The token opens the persona's account like a login's does.
    const spaces = await t.call('GET', '/api/v1/me/spaces', {
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(spaces.status).toBe(200);
    const listed = (await spaces.json()) as { spaces: { type: string }[] };
    expect(listed.spaces.map((s) => s.type)).toContain('personal');
  });

  it('a persona seeded without a password has no password login, only minted tokens', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'clone@mana.test', password: TEST_PERSONA_PASSWORD },
    });
    expect(login.status).toBe(401);
    expect((await mint(withoutPassword)).status).toBe(200);
    // Seeding it again without a password changes nothing.
    expect(await t.createPersona({ email: 'clone@mana.test', password: undefined })).toBe(
      withoutPassword,
    );
    const still = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'clone@mana.test', password: TEST_PERSONA_PASSWORD },
    });
    expect(still.status).toBe(401);
  });

  it('a known persona seeded without a password keeps its own', async () => {
    await t.createPersona({ email: 'minted@mana.test', password: undefined });
    expect(await t.login('minted@mana.test', TEST_PERSONA_PASSWORD)).toMatch(/^ey/);
  });

  it('refuses humans, unknown ids, deleted personas and callers without the key', async () => {
    const human = await t.signUp('someone@mana.test');
    expect((await mint(human)).status).toBe(404);
    expect((await mint('no-such-id')).status).toBe(404);
    const gone = await t.createPersona({ email: 'gone@mana.test' });
    expect((await t.service('DELETE', `/api/v1/admin/personas/${gone}`)).status).toBe(200);
    expect((await mint(gone)).status).toBe(404);
    const anonymous = await t.call('POST', `/api/v1/internal/personas/${withPassword}/token`);
    expect(anonymous.status).toBe(401);
  });

  it('a claim hands the runner each persona with its spaces, personal first', async () => {
    const response = await t.service('POST', '/api/v1/internal/personas/claim', {
      runnerId: 'runner-tokens',
      limit: 10,
      leaseSeconds: 60,
    });
    expect(response.status).toBe(200);
    const { personas } = (await response.json()) as {
      personas: { userId: string; spaces?: { id: string; type: string; role: string }[] }[];
    };
    const minted = personas.find((p) => p.userId === withPassword);
    expect(minted?.spaces?.[0]).toEqual(
      expect.objectContaining({
        id: await t.spaceOf(withPassword),
        type: 'personal',
        role: 'owner',
      }),
    );
    expect(personas.every((p) => (p.spaces?.length ?? 0) >= 1)).toBe(true);
  });
});
