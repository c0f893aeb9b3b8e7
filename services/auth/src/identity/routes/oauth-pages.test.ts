import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, TEST_BASE_URL, type TestAuthApp } from '../../testing/test-app';

describe('the sign-in and consent pages of the OAuth flow', () => {
  let t: TestAuthApp;
  let signInUrl: URL;
  beforeAll(async () => {
    // Small login budget: the last test exhausts it through the sign-in page.
    t = await createTestAuthApp({
      loginLimits: {
        maxFailuresPerAccount: 2,
        maxFailuresPerAddress: 100,
        windowSeconds: 900,
        blockSeconds: 900,
      },
    });
    await t.signUp('hanna@example.com', 'correct-horse-battery', 'Hanna');
    const registered = await t.call('POST', '/api/auth/oauth2/register', {
      body: {
        client_name: '<script>alert(1)</script> Editor',
        redirect_uris: ['http://127.0.0.1:1/callback'],
        token_endpoint_auth_method: 'none',
      },
    });
    expect(registered.status).toBe(201);
    const { client_id } = (await registered.json()) as { client_id: string };
    const query = new URLSearchParams({
      response_type: 'code',
      client_id,
      redirect_uri: 'http://127.0.0.1:1/callback',
      scope: 'mcp',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 's',
    });
    const authorize = await t.call('GET', `/api/auth/oauth2/authorize?${query}`, {
      headers: { accept: 'text/html' },
    });
    expect(authorize.status).toBe(302);
    signInUrl = new URL(authorize.headers.get('location') ?? '');
  });
  afterAll(() => t.close());

  const form = (path: string, fields: Record<string, string>) =>
    t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_BASE_URL },
      body: new URLSearchParams(fields).toString(),
    });
  const signedQuery = () => signInUrl.search.slice(1);

  it('shows the form for a signed request, escaped, never framed', async () => {
    expect(signInUrl.pathname).toBe('/oauth/sign-in');
    const page = await t.call('GET', `/oauth/sign-in?${signedQuery()}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Editor');
    expect(html).not.toContain('<script>');
  });

  it('refuses a tampered or missing request with 400 and no form', async () => {
    const tampered = signedQuery().replace('scope=mcp', 'scope=offline_access');
    for (const query of [tampered, '']) {
      const page = await t.call('GET', `/oauth/sign-in?${query}`);
      expect(page.status).toBe(400);
      expect(await page.text()).not.toContain('name="password"');
    }
    const post = await form('/oauth/sign-in', {
      email: 'hanna@example.com',
      password: 'correct-horse-battery',
      oauth_query: tampered,
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('set-cookie')).toBeNull();
  });

  it('names the bad field of the form, and signs nobody in', async () => {
    const post = await form('/oauth/sign-in', {
      email: 'not-an-email',
      password: '',
      oauth_query: signedQuery(),
    });
    expect(post.status).toBe(400);
    expect(await post.text()).toContain('Please check: email, password');
    expect(post.headers.get('set-cookie')).toBeNull();
  });

  it('signs in and continues the flow with the session cookie', async () => {
    const post = await form('/oauth/sign-in', {
      email: 'hanna@example.com',
      password: 'correct-horse-battery',
      oauth_query: signedQuery(),
    });
    expect(post.status).toBe(302);
    expect(post.headers.get('set-cookie')).toContain('session_token');
    expect(new URL(post.headers.get('location') ?? '').pathname).toBe('/oauth/consent');
  });

  it('the consent page needs the session', async () => {
    const page = await t.call('GET', `/oauth/consent?${signedQuery()}`);
    expect(page.status).toBe(401);
  });

  it('issue 10 item 1: wrong passwords on the page count against the login limiter', async () => {
    const attempt = () =>
      form('/oauth/sign-in', {
        email: 'hanna@example.com',
        password: 'wrong-horse',
        oauth_query: signedQuery(),
      });
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
    expect(await refused.text()).toContain('Too many failed sign-ins');
    // The same budget as the login API: one limiter for every password check.
    const api = await t.call('POST', '/api/v1/auth/login', {
      body: { email: 'hanna@example.com', password: 'correct-horse-battery' },
    });
    expect(api.status).toBe(429);
  });
});
