import { users } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { SESSION_COOKIE } from './auth/session-cookie';
import {
  ADMIN,
  type ConsoleFixture,
  createConsoleFixture,
  sessionCookie,
  TEST_SERVICE_KEY,
} from './testing/console-fixture';
import { NOW, seedScenario } from './testing/scenario';

let f: ConsoleFixture;

beforeAll(async () => {
  f = await createConsoleFixture({ now: () => NOW });
  await seedScenario(f.db);
  await f.auth.auth.api.signUpEmail({
    body: { email: 'human@mana.test', password: 'human-password-123', name: 'Human' },
  });
});
afterAll(() => f.close());

describe('signed out', () => {
  it('redirects every page to the sign-in form, remembering where it was going', async () => {
    for (const path of ['/', '/personas/user-anna?x=1', '/modules', '/ticks?failed=1', '/nope']) {
      const response = await f.get(path);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '', 'http://localhost');
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('next')).toBe(path);
    }
  });

  it('shows the sign-in form with stable test ids', async () => {
    const response = await f.get('/login?next=%2Fmodules');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    for (const id of ['login-form', 'login-email', 'login-password', 'login-submit']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('name="next" value="/modules"');
  });

  it('refuses a forged session cookie', async () => {
    const response = await f.get('/', `${SESSION_COOKIE}=eyJhbGciOiJFZERTQSJ9.e30.c2ln`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toContain('/login');
  });

  it('answers /health without a session', async () => {
    const response = await f.get('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, service: 'console' });
  });
});

describe('signing in', () => {
  it('stores an admin token in an HttpOnly, SameSite=Lax cookie and goes to next', async () => {
    const response = await f.postForm('/login', {
      email: ADMIN.email,
      password: ADMIN.password,
      next: '/modules?since=14d',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/modules?since=14d');
    const header = response.headers.getSetCookie().join('\n');
    expect(header).toMatch(new RegExp(`${SESSION_COOKIE}=[^;]+;`));
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Lax');
    expect(header).toMatch(/Max-Age=\d+/);
    const page = await f.get('/', sessionCookie(response));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="nav-overview"');
  });

  it('shows the form again with a message for a wrong password (401, no cookie)', async () => {
    const response = await f.postForm('/login', { email: ADMIN.email, password: 'wrong-password' });
    expect(response.status).toBe(401);
    expect(sessionCookie(response)).toBeUndefined();
    const html = await response.text();
    expect(html).toContain('data-testid="login-error"');
    expect(html).toContain('Email or password is wrong.');
    expect(html).toContain(`value="${ADMIN.email}"`);
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an account that is not an admin, saying so', async () => {
    const response = await f.postForm('/login', {
      email: 'human@mana.test',
      password: 'human-password-123',
    });
    expect(response.status).toBe(403);
    expect(sessionCookie(response)).toBeUndefined();
    expect(await response.text()).toContain('This account is not an admin');
  });

  it('rejects an empty form with 400 before asking the identity service', async () => {
    const response = await f.postForm('/login', { email: 'not-an-email', password: '' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Enter your email address and password.');
  });

  it('never redirects to another site after signing in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const response = await f.postForm('/login', { ...ADMIN, next });
      expect(response.headers.get('location')).toBe('/');
    }
  });

  it('sends a signed-in admin from /login straight on', async () => {
    const cookie = await f.signIn();
    const response = await f.get('/login?next=%2Fticks', cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/ticks');
  });
});

describe('while signed in', () => {
  it('signs out an admin whose role was revoked, before the token expires', async () => {
    const cookie = await f.signIn();
    const [admin] = await f.db.select().from(users).where(eq(users.email, ADMIN.email));
    await f.db.update(users).set({ role: 'user' }).where(eq(users.email, ADMIN.email));
    try {
      const response = await f.get('/modules', cookie);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/login?next=%2Fmodules&error=not_admin');
      const form = await f.get('/login?next=%2Fmodules&error=not_admin');
      expect(await form.text()).toContain('This account is not an admin');
    } finally {
      await f.db
        .update(users)
        .set({ role: admin?.role ?? 'admin' })
        .where(eq(users.email, ADMIN.email));
    }
  });

  it('says so when the identity service does not answer (502, no stack)', async () => {
    const offline = createApp({ db: f.db, authUrl: 'http://127.0.0.1:9', serviceKey: 'k' });
    const response = await offline.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ ...ADMIN }).toString(),
    });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('The identity service did not answer.');
  });
});

describe('cross-site posts', () => {
  it('refuses a sign-in posted from another origin', async () => {
    const response = await f.postForm('/login', { ...ADMIN }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(sessionCookie(response)).toBeUndefined();
    expect(await response.text()).toContain('Cross-site request refused');
  });

  it('refuses a sign-out posted from another site, and one with neither Origin nor Referer', async () => {
    const cookie = await f.signIn();
    const crossSite = await f.app.request('/logout', {
      method: 'POST',
      headers: { cookie, referer: 'https://evil.example/page' },
    });
    expect(crossSite.status).toBe(403);
    const anonymous = await f.app.request('/logout', { method: 'POST', headers: { cookie } });
    expect(anonymous.status).toBe(403);
    expect((await f.get('/', cookie)).status).toBe(200);
  });

  it('accepts a same-origin Referer when Origin is missing', async () => {
    const response = await f.app.request('/logout', {
      method: 'POST',
      headers: { referer: 'http://localhost/modules' },
    });
    expect(response.status).toBe(303);
  });
});

describe('signing out', () => {
  it('clears the session cookie and returns to the sign-in form', async () => {
    const cookie = await f.signIn();
    const response = await f.postForm('/logout', {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    expect(response.headers.getSetCookie().join('\n')).toMatch(
      new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`),
    );
  });
});

describe('/api/report', () => {
  it('answers the service key with the report', async () => {
    const response = await f.get('/api/report?since=7d', undefined, {
      'x-service-key': TEST_SERVICE_KEY,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { asOf: string; alerts: { id: string }[] };
    expect(report.asOf).toBe(NOW.toISOString());
    expect(report.alerts.map((a) => a.id)).toContain('rating_drop:journal');
  });

  it('answers an admin session too', async () => {
    const response = await f.get('/api/report', await f.signIn());
    expect(response.status).toBe(200);
  });

  it('refuses a wrong key or none with a JSON 401', async () => {
    for (const headers of [{ 'x-service-key': 'wrong' }, {}] as Record<string, string>[]) {
      const response = await f.get('/api/report', undefined, headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('names a bad since in a JSON 400', async () => {
    const response = await f.get('/api/report?since=forever', undefined, {
      'x-service-key': TEST_SERVICE_KEY,
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: { path: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields[0]?.path).toBe('since');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await f.get('/api/nope', undefined, { 'x-service-key': TEST_SERVICE_KEY });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
