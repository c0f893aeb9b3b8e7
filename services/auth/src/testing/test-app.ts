import { HEADERS } from '@mana/contracts';
import { type Database, organizations } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { silentLogger } from '@mana/http';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { createApp } from '../app';
import { createAuth } from '../identity/auth';
import type { LoginLimitSettings } from '../identity/login-limiter';

/** The service key of test apps. */
export const TEST_SERVICE_KEY = 'test-service-key-0123456789';
/** The base URL test apps believe they live at (requests go through `app.request`). */
export const TEST_BASE_URL = 'http://localhost:3001';

/** A settable clock for due rules and row stamps. */
export interface TestClock {
  (): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

/** A clock stuck at `start` until a test moves it. */
export function testClock(start: Date | string = '2026-11-23T12:00:00Z'): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (at) => {
    now = new Date(at);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

/**
 * The identity service on a fresh migrated database, called in-process through
 * `app.request()`, with helpers for the calls most tests make.
 */
export async function createTestAuthApp(
  options: {
    clock?: TestClock;
    logger?: Logger;
    loginLimits?: LoginLimitSettings;
    /** `TRUST_PROXY`: with 1, tests pick the client address with `X-Forwarded-For`. */
    trustedProxies?: number;
    /** Persona tokens' lifetime in seconds (default: the 1 h of every token). */
    personaTokenSeconds?: number;
  } = {},
) {
  const database = await createTestDatabase();
  const clock = options.clock ?? testClock();
  const auth = createAuth({
    db: database.db,
    baseURL: TEST_BASE_URL,
    secret: 'test-better-auth-secret-0123456789abcdef',
    jwtExpiresIn: '1h',
    personaTokenSeconds: options.personaTokenSeconds,
  });
  const app = createApp({
    db: database.db,
    auth,
    serviceKey: TEST_SERVICE_KEY,
    logger: options.logger ?? silentLogger(),
    clock,
    issuer: TEST_BASE_URL,
    loginLimits: options.loginLimits,
    trustedProxies: options.trustedProxies,
  });

  const call = (
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        origin: TEST_BASE_URL,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const service = (method: string, path: string, body?: unknown) =>
    call(method, path, { body, headers: { [HEADERS.serviceKey]: TEST_SERVICE_KEY } });

  return {
    app,
    auth,
    db: database.db as Database,
    clock,
    call,
    /** A request with the service key. */
    service,
    /** Upserts a persona through the admin API and returns its user id. */
    async createPersona(input: Partial<PersonaInput> & { email: string }): Promise<string> {
      const response = await service('POST', '/api/v1/admin/personas', {
        ...DEFAULT_PERSONA,
        name: input.email.split('@')[0],
        ...input,
      });
      if (!response.ok)
        throw new Error(`createPersona ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { persona: { userId: string } };
      return body.persona.userId;
    },
    /** The id of the user's personal space (rows the runner writes must name a space of the persona's). */
    async spaceOf(userId: string): Promise<string> {
      const [row] = await database.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.slug, `personal-${userId}`));
      if (!row) throw new Error(`no personal space for ${userId}`);
      return row.id;
    },
    /** Signs up a human account through Better Auth's own endpoint. */
    async signUp(
      email: string,
      password = 'correct-horse-battery',
      name = 'Human',
    ): Promise<string> {
      const response = await call('POST', '/api/auth/sign-up/email', {
        body: { email, password, name },
      });
      if (!response.ok) throw new Error(`signUp ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { user: { id: string } };
      return body.user.id;
    },
    /** Logs in through `POST /api/v1/auth/login` and returns the access token. */
    async login(email: string, password: string): Promise<string> {
      const response = await call('POST', '/api/v1/auth/login', { body: { email, password } });
      if (!response.ok) throw new Error(`login ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    /** The database's URL (`memory://` on PGlite), for a second replica on PostgreSQL. */
    databaseUrl: database.url,
    close: () => database.close(),
  };
}

export type TestAuthApp = Awaited<ReturnType<typeof createTestAuthApp>>;

interface PersonaInput {
  email: string;
  name: string;
  /** `undefined`: an account without a password (opened by minted tokens only). */
  password: string | undefined;
  archetype: string;
  systemPrompt: string;
  moduleMix: Record<string, number>;
  tickCadence: 'hourly' | 'daily' | 'weekdays';
  locale: 'en' | 'de';
  timezone: string;
  traits: Record<string, unknown>;
}

/** Password of personas created by {@link createTestAuthApp}'s `createPersona`. */
export const TEST_PERSONA_PASSWORD = 'persona-password-123';

const DEFAULT_PERSONA: Omit<PersonaInput, 'email' | 'name'> = {
  password: TEST_PERSONA_PASSWORD,
  archetype: 'tester',
  systemPrompt: 'You are a test persona.',
  moduleMix: { todo: 1 },
  tickCadence: 'daily',
  locale: 'en',
  timezone: 'UTC',
  traits: {},
};
