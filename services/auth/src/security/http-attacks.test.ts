import { Writable } from 'node:stream';
import { HEADERS } from '@mana/contracts';
import { members, personaActions, personaFeedback, personaTicks, users } from '@mana/db';
import { count, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, TEST_SERVICE_KEY, type TestAuthApp } from '../testing/test-app';

/**
 * Issue 10, the HTTP half: every class of bad input an attacker tried on the identity
 * service, looped over the fields it can hit. Each case must be a clean 4xx naming the
 * field, with nothing written and nothing of the request in the error log. The counts
 * (tried / clean) are printed at the end.
 */

interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

const NUL = 'a\u0000b';
const logLines: string[] = [];
const tally = { tried: 0, clean: 0 };

let t: TestAuthApp;
let personaId: string;
let spaceId: string;
let otherSpaceId: string;

const PERSONA = {
  email: 'persona.attack@mana.test',
  name: 'Attack',
  password: 'persona-password-123',
  archetype: 'tester',
  systemPrompt: 'You are a test persona.',
  moduleMix: { todo: 1 },
  tickCadence: 'daily' as const,
};

/** Rows of the tables a case could have written to. */
async function footprint() {
  const [a] = await t.db.select({ n: count() }).from(personaActions);
  const [f] = await t.db.select({ n: count() }).from(personaFeedback);
  const [k] = await t.db.select({ n: count() }).from(personaTicks);
  const [u] = await t.db.select({ n: count() }).from(users);
  const spaces = await t.db.execute(sql`select count(*)::int as n from auth.organizations`);
  return [a?.n, f?.n, k?.n, u?.n, JSON.stringify(spaces)].join('/');
}

/**
 * Sends one attack and checks it was answered cleanly: the status, the named field (when
 * given), nothing written, no error logged. Counts it either way.
 */
async function attack(
  send: () => Response | Promise<Response>,
  expected: { status: number; field?: string; code?: string },
): Promise<void> {
  tally.tried++;
  const before = await footprint();
  const logsBefore = logLines.length;
  const response = await send();
  const body = (await response.json()) as ErrorAnswer;
  expect(response.status, JSON.stringify(body)).toBe(expected.status);
  expect(body.error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  if (expected.code) expect(body.error.code).toBe(expected.code);
  if (expected.field) {
    expect(body.error.fields?.map((f) => f.path)).toContain(expected.field);
  }
  expect(await footprint()).toBe(before);
  expect(logLines.slice(logsBefore).filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  tally.clean++;
}

const service = (method: string, path: string, body: unknown) => t.service(method, path, body);

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk).trim());
      done();
    },
  });
  t = await createTestAuthApp({ logger: pino({ level: 'info' }, sink) });
  personaId = await t.createPersona(PERSONA);
  const other = await t.createPersona({ email: 'persona.other@mana.test' });
  const spaceOf = async (userId: string) => {
    const [row] = await t.db.select().from(members).where(eq(members.userId, userId));
    return row?.organizationId as string;
  };
  spaceId = await spaceOf(personaId);
  otherSpaceId = await spaceOf(other);
});

afterAll(async () => {
  console.log(`identity HTTP attacks: ${tally.tried} tried, ${tally.clean} clean`);
  await t?.close();
});

const action = (overrides: Record<string, unknown>) => ({
  tickId: 'tick-attack',
  index: 0,
  toolName: 'todo.list',
  module: 'todo',
  spaceId,
  result: 'error',
  errorKind: 'app_error',
  errorMessage: 'boom',
  ...overrides,
});
const tick = (overrides: Record<string, unknown>) => ({
  status: 'ok',
  startedAt: '2026-11-23T12:00:00Z',
  finishedAt: '2026-11-23T12:01:00Z',
  ...overrides,
});
const actions = (row: Record<string, unknown>) =>
  service('POST', `/api/v1/internal/personas/${personaId}/actions`, { actions: [action(row)] });
const putTick = (body: Record<string, unknown>) =>
  service('PUT', `/api/v1/internal/personas/${personaId}/ticks/tick-attack`, tick(body));

describe('item 4: NUL, 32-bit overflow and extreme dates are 400 naming the field', () => {
  it('item 4: NUL in any text field of the admin API is 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: NUL }, 'name'],
      [{ systemPrompt: NUL }, 'systemPrompt'],
      [{ archetype: NUL }, 'archetype'],
      [{ password: `persona-${NUL}` }, 'password'],
      [{ traits: { mood: NUL } }, 'traits.mood'],
      [{ traits: { deep: [{ x: NUL }] } }, 'traits.deep.0.x'],
    ];
    for (const [fields, path] of cases) {
      const email = `persona.nul${tally.tried}@mana.test`;
      await attack(
        () => service('POST', '/api/v1/admin/personas', { ...PERSONA, email, ...fields }),
        {
          status: 400,
          field: path,
        },
      );
    }
    await attack(
      () =>
        service('PUT', '/api/v1/admin/spaces', {
          slug: 'attack-space',
          name: NUL,
          type: 'team',
          members: [],
        }),
      { status: 400, field: 'name' },
    );
  });

  it('item 4: NUL in error message, notes, tick error and every other runner text is 400', async () => {
    for (const field of ['errorMessage', 'toolUseId', 'spaceId']) {
      await attack(() => actions({ [field]: NUL }), { status: 400, field: `actions.0.${field}` });
    }
    for (const field of ['expected', 'seen']) {
      await attack(
        () =>
          actions({
            result: 'ok',
            errorKind: undefined,
            errorMessage: undefined,
            check: { status: 'failed', [field]: NUL },
          }),
        { status: 400, field: `actions.0.check.${field}` },
      );
    }
    await attack(
      () =>
        service('POST', `/api/v1/internal/personas/${personaId}/feedback`, {
          feedback: [{ tickId: 'tick-attack', module: 'todo', rating: 3, notes: NUL }],
        }),
      { status: 400, field: 'feedback.0.notes' },
    );
    for (const field of ['error', 'runnerId', 'brain', 'model', 'spaceId']) {
      await attack(() => putTick({ [field]: NUL }), { status: 400, field });
    }
  });

  it('a lone UTF-16 surrogate (an emoji cut in half) is 400 naming the field, not a 500', async () => {
    // A drill's tick with a transcript clipped inside an emoji was a 500, retried for good.
    const half = 'cut 🤯'.slice(0, 5);
    await attack(
      () =>
        putTick({
          transcript: { entries: [{ role: 'tool_result', toolName: 'todo.list', text: half }] },
        }),
      { status: 400, field: 'transcript.entries.0.text' },
    );
    await attack(() => putTick({ error: half }), { status: 400, field: 'error' });
    await attack(() => actions({ errorMessage: half }), {
      status: 400,
      field: 'actions.0.errorMessage',
    });
  });

  it('item 4: integers over 32 bits are 400 naming the field', async () => {
    for (const [field, value] of [
      ['actionsCount', 2147483648],
      ['inputTokens', 1e15],
      ['outputTokens', 2 ** 31],
      ['actionsCount', -1],
    ] as const) {
      await attack(() => putTick({ [field]: value }), { status: 400, field });
    }
    for (const field of ['latencyMs', 'index']) {
      await attack(() => actions({ [field]: 2147483648 }), {
        status: 400,
        field: `actions.0.${field}`,
      });
    }
  });

  it('item 4: dates in year 0000 or 9999 are 400 naming the field', async () => {
    for (const [field, value] of [
      ['startedAt', '0000-01-01T00:00:00Z'],
      ['startedAt', '9999-12-31T23:59:59Z'],
      ['finishedAt', '9999-12-31T23:59:59-05:00'],
      ['startedAt', '1969-12-31T23:59:59Z'],
    ] as const) {
      await attack(() => putTick({ [field]: value }), { status: 400, field });
    }
  });

  it('item 4: NUL in a Better Auth body is 400 naming the field, no account made', async () => {
    await attack(
      () =>
        t.call('POST', '/api/auth/sign-up/email', {
          body: { email: 'nul@example.com', password: 'correct-horse-battery', name: NUL },
        }),
      { status: 400, field: 'name' },
    );
    await attack(
      () =>
        t.call('POST', '/api/v1/auth/login', {
          body: { email: PERSONA.email, password: `x${NUL}` },
        }),
      { status: 400, field: 'password' },
    );
  });
});

describe('item 5: a failed persona upsert leaves nothing half-made', () => {
  it('item 5: a database failure after the account insert rolls everything back', async () => {
    // A constraint the profile breaks: the failure comes after user, account, space and
    // member rows were written in the same transaction.
    await t.db.execute(
      sql`alter table auth.personas add constraint attack_refuse check (archetype <> 'explode')`,
    );
    const email = 'persona.half@mana.test';
    const logsBefore = logLines.length;
    try {
      const before = await footprint();
      const failed = await service('POST', '/api/v1/admin/personas', {
        ...PERSONA,
        email,
        name: 'Secret Name',
        archetype: 'explode',
      });
      expect(failed.status).toBe(500);
      expect(await footprint()).toBe(before);
      const errors = logLines.slice(logsBefore).filter((l) => JSON.parse(l).level >= 50);
      expect(errors).toHaveLength(1);
      expect(errors.join()).not.toMatch(/Secret Name|explode|insert|select|persona\.half/i);
    } finally {
      await t.db.execute(sql`alter table auth.personas drop constraint attack_refuse`);
    }
    await expect(t.login(email, PERSONA.password)).rejects.toThrow(/401/);
    // The email is not refused for good: the same upsert now succeeds.
    const retried = await service('POST', '/api/v1/admin/personas', { ...PERSONA, email });
    expect(retried.status).toBe(201);
    await expect(t.login(email, PERSONA.password)).resolves.toBeTruthy();
  });
});

describe('item 8: rows name only the app modules and the persona own spaces', () => {
  it('item 8: unknown module and foreign or made-up space are 400 naming the valid ones', async () => {
    await attack(() => actions({ module: 'zzz' }), { status: 400, field: 'actions.0.module' });
    const answer = (await (await actions({ module: 'zzz' })).json()) as ErrorAnswer;
    expect(answer.error.message).toMatch(/valid: .*todo/);
    await attack(() => actions({ spaceId: 'not-a-space' }), {
      status: 400,
      field: 'actions.0.spaceId',
    });
    await attack(() => actions({ spaceId: otherSpaceId }), {
      status: 400,
      field: 'actions.0.spaceId',
    });
    await attack(
      () =>
        service('POST', `/api/v1/internal/personas/${personaId}/feedback`, {
          feedback: [{ tickId: 'tick-attack', module: 'notse', rating: 3 }],
        }),
      { status: 400, field: 'feedback.0.module' },
    );
    await attack(() => putTick({ spaceId: otherSpaceId }), { status: 400, field: 'spaceId' });
    // The right values still pass.
    expect((await actions({})).status).toBe(200);
    expect((await putTick({ spaceId })).status).toBe(201);
  });

  it('item 8: duplicate members in PUT /admin/spaces are 400 naming the second', async () => {
    await attack(
      () =>
        service('PUT', '/api/v1/admin/spaces', {
          slug: 'dupes',
          name: 'Dupes',
          type: 'team',
          members: [{ email: PERSONA.email }, { email: PERSONA.email.toUpperCase() }],
        }),
      { status: 400, field: 'members.1.email' },
    );
  });
});

describe('item 9: error shapes and media types', () => {
  it('item 9: Better Auth errors answer {error:{code,message}}', async () => {
    await attack(
      () =>
        t.call('POST', '/api/auth/sign-up/email', {
          body: { email: 'short@example.com', password: 'short', name: 'S' },
        }),
      { status: 400, code: 'PASSWORD_TOO_SHORT' },
    );
  });

  it('item 9: POST /api/v1/auth/login takes JSON only (415)', async () => {
    const credentials = JSON.stringify({ email: PERSONA.email, password: PERSONA.password });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      await attack(
        () =>
          t.app.request('/api/v1/auth/login', {
            method: 'POST',
            headers: { 'content-type': type },
            body: credentials,
          }),
        { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      );
    }
    await attack(
      () =>
        t.app.request('/api/v1/admin/spaces', {
          method: 'PUT',
          headers: { 'content-type': 'text/plain', [HEADERS.serviceKey]: TEST_SERVICE_KEY },
          body: JSON.stringify({ slug: 'plain', name: 'Plain', type: 'team', members: [] }),
        }),
      { status: 415 },
    );
  });
});

describe('item 2: users cannot rewrite their spaces through Better Auth', () => {
  it('item 2: organization/update refuses type and slug; name still changes', async () => {
    const signUp = await t.call('POST', '/api/auth/sign-up/email', {
      body: { email: 'owner@example.com', password: 'correct-horse-battery', name: 'Owner' },
    });
    const { token, user } = (await signUp.json()) as { token: string; user: { id: string } };
    const [own] = await t.db.select().from(members).where(eq(members.userId, user.id));
    const organizationId = own?.organizationId as string;
    const update = (data: Record<string, unknown>) =>
      t.call('POST', '/api/auth/organization/update', {
        body: { organizationId, data },
        headers: { authorization: `Bearer ${token}` },
      });
    await attack(() => update({ type: 'team' }), { status: 400, field: 'data.type' });
    await attack(() => update({ slug: 'family' }), { status: 400, field: 'data.slug' });
    const rows = await t.db.execute(
      sql`select slug, type from auth.organizations where id = ${organizationId}`,
    );
    expect(JSON.stringify(rows)).toContain('personal');
    expect((await update({ name: 'Renamed' })).status).toBe(200);
  });

  it('item 2: endpoints a user must not call are closed (404)', async () => {
    for (const path of [
      '/api/auth/organization/create',
      '/api/auth/organization/delete',
      '/api/auth/organization/invite-member',
      '/api/auth/organization/remove-member',
      '/api/auth/sign-in/email',
      '/api/auth/verify-password',
      '/api/auth/change-email',
      '/api/auth/request-password-reset',
      '/api/auth/oauth2/create-client',
    ]) {
      await attack(() => t.call('POST', path, { body: {} }), { status: 404, code: 'NOT_FOUND' });
    }
  });
});
