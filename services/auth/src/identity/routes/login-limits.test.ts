import { createDatabase, type DatabaseHandle, rateLimits } from '@mana/db';
import { silentLogger } from '@mana/http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app';
import { startAuthService } from '../../server';
import {
  createTestAuthApp,
  TEST_BASE_URL,
  TEST_PERSONA_PASSWORD,
  TEST_SERVICE_KEY,
  type TestAuthApp,
} from '../../testing/test-app';
import { createAuth } from '../auth';
import { createLoginLimiter } from '../login-limiter';

// Issue 10 item 1: `POST /api/v1/auth/login` is rate-limited per account and per address.
// rate-limiter-flexible reads `Date`, so the clock is Vitest's system time (Date only).
const START = new Date('2026-11-23T12:00:00Z');
// Small budgets keep the number of (deliberately slow) password hashes low.
const SMALL = {
  maxFailuresPerAccount: 3,
  maxFailuresPerAddress: 4,
  windowSeconds: 60,
  blockSeconds: 120,
};

let t: TestAuthApp;

beforeAll(async () => {
  t = await createTestAuthApp({ trustedProxies: 1, loginLimits: SMALL });
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    await t.createPersona({ email: `${name}@mana.test` });
  }
});
afterAll(() => t.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

const login = (app: TestAuthApp, email: string, password: string, address = '10.0.0.1') =>
  app.call('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': address },
  });

describe('login limiter', () => {
  it('300 wrong passwords: 401 up to the account budget, then 429 with Retry-After; nothing else slowed', async () => {
    const hashed = vi.spyOn(t.auth.api, 'signInEmail');
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 300; i++) {
      last = await login(t, 'alice@mana.test', `wrong-${i}`);
      statuses.push(last.status);
    }
    const limit = SMALL.maxFailuresPerAccount;
    expect(statuses.slice(0, limit)).toEqual(Array(limit).fill(401));
    expect(statuses.slice(limit)).toEqual(Array(300 - limit).fill(429));
    // Refused attempts never reach the password hash.
    expect(hashed).toHaveBeenCalledTimes(limit);
    hashed.mockRestore();
    expect(last?.headers.get('retry-after')).toBe(String(SMALL.blockSeconds));
    expect(await last?.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many failed logins; try again later' },
    });
    // The right password does not open a blocked account either.
    expect((await login(t, 'alice@mana.test', TEST_PERSONA_PASSWORD)).status).toBe(429);
    // Another account from another address is not affected.
    expect((await login(t, 'bob@mana.test', TEST_PERSONA_PASSWORD, '10.0.0.2')).status).toBe(200);

    // The block ends: Retry-After counts down, then the account logs in again.
    vi.setSystemTime(START.getTime() + 100_000);
    const waiting = await login(t, 'alice@mana.test', TEST_PERSONA_PASSWORD, '10.0.0.3');
    expect(waiting.headers.get('retry-after')).toBe(String(SMALL.blockSeconds - 100));
    vi.setSystemTime(START.getTime() + SMALL.blockSeconds * 1000 + 1000);
    expect((await login(t, 'alice@mana.test', TEST_PERSONA_PASSWORD, '10.0.0.3')).status).toBe(200);
  });

  it('a successful login starts the account count over', async () => {
    for (let i = 0; i < SMALL.maxFailuresPerAccount - 1; i++) {
      expect((await login(t, 'carol@mana.test', 'wrong', `10.1.0.${i}`)).status).toBe(401);
    }
    expect((await login(t, 'carol@mana.test', TEST_PERSONA_PASSWORD, '10.1.0.9')).status).toBe(200);
    // A full budget again: the failures before the success no longer count.
    for (let i = 0; i < SMALL.maxFailuresPerAccount; i++) {
      expect((await login(t, 'carol@mana.test', 'wrong', `10.1.1.${i}`)).status).toBe(401);
    }
    expect((await login(t, 'carol@mana.test', 'wrong', '10.1.2.0')).status).toBe(429);
  });

  it('one address has its own budget across accounts; correct logins never use it up', async () => {
    // The runner logs every persona in from one address: many correct logins in a row.
    for (let i = 0; i < SMALL.maxFailuresPerAddress + 2; i++) {
      const email = `${['alice', 'bob', 'dave'][i % 3]}@mana.test`;
      expect((await login(t, email, TEST_PERSONA_PASSWORD, '10.2.0.1')).status).toBe(200);
    }
    for (let i = 0; i < SMALL.maxFailuresPerAddress; i++) {
      const status = (await login(t, `nobody${i}@mana.test`, 'wrong', '10.2.0.1')).status;
      expect(status).toBe(401);
    }
    const refused = await login(t, 'dave@mana.test', TEST_PERSONA_PASSWORD, '10.2.0.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(SMALL.blockSeconds));
    // The same account from another address still gets in.
    expect((await login(t, 'dave@mana.test', TEST_PERSONA_PASSWORD, '10.2.0.2')).status).toBe(200);
  });

  it('the runner’s logins (with the service key) are charged to their accounts, not its address', async () => {
    // Every attempt is charged before its hash: a runner starting more days at once than
    // the address budget spent it on logins in flight and blocked itself (bench:scale,
    // three runners × 40 days: 429s and 192 failed days).
    const runner = (email: string, password: string, key = TEST_SERVICE_KEY) =>
      t.call('POST', '/api/v1/auth/login', {
        body: { email, password },
        headers: { 'x-forwarded-for': '10.5.0.1', 'x-service-key': key },
      });
    for (let i = 0; i <= SMALL.maxFailuresPerAddress; i++) {
      expect((await runner(`ghost${i}@mana.test`, 'wrong')).status).toBe(401);
    }
    // The address was not charged: a login without the key still gets in.
    expect((await login(t, 'bob@mana.test', TEST_PERSONA_PASSWORD, '10.5.0.1')).status).toBe(200);
    // The account is: its own budget holds with the key too.
    await t.createPersona({ email: 'erin@mana.test' });
    for (let i = 0; i < SMALL.maxFailuresPerAccount; i++) {
      expect((await runner('erin@mana.test', 'wrong')).status).toBe(401);
    }
    expect((await runner('erin@mana.test', TEST_PERSONA_PASSWORD)).status).toBe(429);
    // A wrong key is no key: charged to the address as anyone's.
    for (let i = 0; i < SMALL.maxFailuresPerAddress; i++) {
      expect((await runner(`spook${i}@mana.test`, 'wrong', 'not-the-key')).status).toBe(401);
    }
    expect((await runner('spook9@mana.test', 'wrong', 'not-the-key')).status).toBe(429);
  });

  it('two instances sharing the database share the budget', async () => {
    // A second replica: its own app and Better Auth, its own connection on PostgreSQL.
    const second: DatabaseHandle | undefined =
      t.databaseUrl === 'memory://' ? undefined : await createDatabase(t.databaseUrl);
    const db = second?.db ?? t.db;
    const replica = createApp({
      db,
      auth: createAuth({
        db,
        baseURL: TEST_BASE_URL,
        secret: 'test-better-auth-secret-0123456789abcdef',
        jwtExpiresIn: '1h',
      }),
      serviceKey: TEST_SERVICE_KEY,
      logger: silentLogger(),
      issuer: TEST_BASE_URL,
      loginLimits: SMALL,
      trustedProxies: 1,
    });
    try {
      for (let i = 0; i < SMALL.maxFailuresPerAccount; i++) {
        expect((await login(t, 'bob@mana.test', 'wrong', `10.3.0.${i}`)).status).toBe(401);
      }
      const refused = await replica.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.1.1' },
        body: JSON.stringify({ email: 'bob@mana.test', password: TEST_PERSONA_PASSWORD }),
      });
      expect(refused.status).toBe(429);
    } finally {
      await second?.close();
    }
  });

  it('without TRUST_PROXY the socket address counts and X-Forwarded-For is ignored', async () => {
    vi.useRealTimers();
    const service = await startAuthService({
      db: t.db,
      serviceKey: TEST_SERVICE_KEY,
      secret: 'test-better-auth-secret-0123456789abcdef',
      port: 0,
      loginLimits: { ...SMALL, maxFailuresPerAccount: 100, maxFailuresPerAddress: 2 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i <= 2; i++) {
        const response = await fetch(`${service.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` },
          body: JSON.stringify({ email: `socket${i}@mana.test`, password: 'wrong' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await service.close();
    }
  });
  it('sweeps counters whose window ended, itself: no timer outlives the database', async () => {
    await t.db.insert(rateLimits).values([
      { key: 'sweep-test:old', points: 5, expire: new Date(START.getTime() - 60_000) },
      { key: 'sweep-test:live', points: 1, expire: new Date(START.getTime() + 60_000) },
    ]);
    const limiter = createLoginLimiter(t.db, SMALL);
    await limiter.admit({ email: 'sweeper@mana.test', address: '198.51.100.9' });
    const keys = (await t.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain('sweep-test:old');
    expect(keys).toContain('sweep-test:live');
  });
});
