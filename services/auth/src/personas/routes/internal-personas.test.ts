import { HEADERS, storableText } from '@mana/contracts';
import { personaActions, personaFeedback, personas, personaTicks } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp } from '../../testing/test-app';
import { insertActions } from '../db/persona-writes';

/** The persona's personal space, known once it exists. */
const space = { id: '' };

const action = (tickId: string, index: number, extra: Record<string, unknown> = {}) => ({
  tickId,
  index,
  toolName: 'todo.create',
  module: 'todo',
  spaceId: space.id,
  toolUseId: `toolu_${index}`,
  inputHash: 'a'.repeat(64),
  result: 'ok',
  latencyMs: 12,
  ...extra,
});

interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

describe('internal persona API', () => {
  let t: TestAuthApp;
  let personaId: string;

  beforeAll(async () => {
    t = await createTestAuthApp();
    personaId = await t.createPersona({ email: 'writer@mana.test' });
    space.id = await t.spaceOf(personaId);
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown) =>
    t.service('POST', `/api/v1/internal/personas/${personaId}${path}`, body);
  const actionsOf = (tickId: string) =>
    t.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.tickId, tickId))
      .orderBy(personaActions.seq);
  const lastActive = async () =>
    (await t.db.select().from(personas).where(eq(personas.userId, personaId)))[0]?.lastActiveAt ??
    null;

  describe('POST …/actions', () => {
    it('stores rows with deterministic ids and bumps last_active_at to the clock', async () => {
      const response = await post('/actions', {
        actions: [
          action('tick-a', 0),
          action('tick-a', 1, { result: 'error', errorMessage: 'boom' }),
        ],
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ inserted: 2, duplicates: 0 });
      const rows = await actionsOf('tick-a');
      expect(rows.map((r) => r.id)).toEqual(['tick-a-0-todo.create', 'tick-a-1-todo.create']);
      expect(rows[1]).toMatchObject({
        result: 'error',
        errorMessage: 'boom',
        module: 'todo',
        personaId,
        seq: 1,
      });
      expect(rows[0]?.createdAt.toISOString()).toBe(t.clock().toISOString());
      expect((await lastActive())?.toISOString()).toBe(t.clock().toISOString());
    });

    it('issue 11 item 4: the one-statement insert round-trips every column, unicode and extreme values', async () => {
      const text = 'Grüße 🧪 "quoted" \\ back\tslash\n — 日本語 \u2028 {"json":[1]} \'; drop';
      const rows = [
        action('tick-u', 0, {
          result: 'error',
          errorKind: 'invalid_input',
          errorMessage: text,
          latencyMs: 86_400_000,
          toolUseId: undefined,
          inputHash: undefined,
        }),
        action('tick-u', 100_000, {
          latencyMs: 0,
          check: { status: 'failed', by: 100_000, expected: text, seen: 'x'.repeat(500) },
          checkOf: 0,
        }),
        // What a runner sends for an app's lone surrogate (storableText): U+FFFD.
        action('tick-u', 1, {
          result: 'error',
          errorMessage: storableText('lone \ud800 surrogate'),
        }),
        action('tick-u', 2, { result: 'error', errorMessage: '' }),
      ];
      expect(await (await post('/actions', { actions: rows })).json()).toEqual({
        inserted: 4,
        duplicates: 0,
      });
      const stored = await actionsOf('tick-u');
      expect(stored.map((r) => r.seq)).toEqual([0, 1, 2, 100_000]);
      expect(stored[0]).toMatchObject({
        errorMessage: text,
        errorKind: 'invalid_input',
        outcome: 'invalid_input',
        latencyMs: 86_400_000,
        toolUseId: null,
        inputHash: null,
        checkStatus: null,
        createdAt: t.clock(),
      });
      expect(stored[0]?.errorSignature).toEqual(expect.any(String));
      expect(stored[1]?.errorMessage).toBe('lone \ufffd surrogate');
      // A raw lone surrogate is not Unicode: 400 naming the field, nothing written.
      const refused = await post('/actions', {
        actions: [action('tick-u2', 0, { result: 'error', errorMessage: 'lone \ud800 surrogate' })],
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain('actions.0.errorMessage');
      expect(await actionsOf('tick-u2')).toEqual([]);
      expect(stored[2]).toMatchObject({ errorMessage: '', errorSignature: null });
      expect(stored[3]).toMatchObject({
        result: 'ok',
        outcome: 'check_failed',
        latencyMs: 0,
        checkStatus: 'failed',
        checkBy: 100_000,
        checkExpected: text,
        checkSeen: 'x'.repeat(500),
        checkOf: 0,
        errorMessage: null,
        errorSignature: null,
        toolUseId: 'toolu_100000',
        inputHash: 'a'.repeat(64),
      });
    });

    it('a replayed batch inserts nothing twice', async () => {
      const batch = { actions: [action('tick-b', 0), action('tick-b', 1), action('tick-b', 2)] };
      expect(await (await post('/actions', batch)).json()).toEqual({ inserted: 3, duplicates: 0 });
      expect(await (await post('/actions', batch)).json()).toEqual({ inserted: 0, duplicates: 3 });
      // A retry that carries the old rows plus a new one inserts only the new one.
      const grown = { actions: [...batch.actions, action('tick-b', 3)] };
      expect(await (await post('/actions', grown)).json()).toEqual({ inserted: 1, duplicates: 3 });
      expect(await actionsOf('tick-b')).toHaveLength(4);
    });

    it('concurrent identical batches insert each row once', async () => {
      const batch = { actions: Array.from({ length: 20 }, (_, i) => action('tick-c', i)) };
      const answers = (await Promise.all(
        Array.from({ length: 5 }, async () => (await post('/actions', batch)).json()),
      )) as { inserted: number; duplicates: number }[];
      expect(answers.reduce((n, a) => n + a.inserted, 0)).toBe(20);
      expect(answers.reduce((n, a) => n + a.duplicates, 0)).toBe(80);
      expect(await actionsOf('tick-c')).toHaveLength(20);
    });

    it('answers 413 for more than 500 rows and writes nothing', async () => {
      const response = await post('/actions', {
        actions: Array.from({ length: 501 }, (_, i) => action('tick-big', i)),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as ErrorAnswer).error.code).toBe('BATCH_TOO_LARGE');
      expect(await actionsOf('tick-big')).toHaveLength(0);
      const ok = await post('/actions', {
        actions: Array.from({ length: 500 }, (_, i) => action('tick-500', i)),
      });
      expect(await ok.json()).toEqual({ inserted: 500, duplicates: 0 });
    });

    it('answers 413 for a body over 1 MB', async () => {
      const response = await post('/actions', {
        actions: [action('tick-huge', 0, { errorMessage: 'x'.repeat(1024 * 1024) })],
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as ErrorAnswer).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await actionsOf('tick-huge')).toHaveLength(0);
    });

    it('answers 400 naming each bad field, and writes none of the batch', async () => {
      const response = await post('/actions', {
        actions: [
          action('tick-bad', 0),
          action('tick-bad', 1, { result: 'maybe', latencyMs: -1 }),
          action('tick-bad', 2, { inputHash: 'xyz' }),
        ],
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorAnswer;
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields?.map((f) => f.path).sort()).toEqual([
        'actions.1.latencyMs',
        'actions.1.result',
        'actions.2.inputHash',
      ]);
      expect(body.error.message).toContain('actions.1.result');
      expect(await actionsOf('tick-bad')).toHaveLength(0);
    });

    it('answers 400 for a body that is not JSON or has no actions array', async () => {
      const notJson = await t.app.request(`/api/v1/internal/personas/${personaId}/actions`, {
        method: 'POST',
        headers: {
          [HEADERS.serviceKey]: 'test-service-key-0123456789',
          'content-type': 'application/json',
        },
        body: '{"actions": [',
      });
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as ErrorAnswer).error.code).toBe('INVALID_JSON');
      const missing = await post('/actions', { rows: [] });
      expect(missing.status).toBe(400);
      expect(((await missing.json()) as ErrorAnswer).error.fields?.[0]?.path).toBe('actions');
    });

    it('answers 404 for an unknown persona', async () => {
      const response = await t.service('POST', '/api/v1/internal/personas/nobody/actions', {
        actions: [action('tick-x', 0)],
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as ErrorAnswer).error.code).toBe('PERSONA_NOT_FOUND');
    });

    it('one transaction: a row the database refuses takes the whole batch with it', async () => {
      const rows = [
        action('tick-tx', 0),
        action('tick-tx', 1, { result: 'not-a-result' }),
      ] as Parameters<typeof insertActions>[2];
      await expect(insertActions(t.db, personaId, rows, t.clock())).rejects.toThrow();
      expect(await actionsOf('tick-tx')).toHaveLength(0);
    });
  });

  describe('POST …/feedback', () => {
    const feedbackOf = (tickId: string) =>
      t.db.select().from(personaFeedback).where(eq(personaFeedback.tickId, tickId));

    it('stores one rating per module per tick', async () => {
      const first = await post('/feedback', {
        feedback: [
          { tickId: 'tick-f', module: 'todo', rating: 4, notes: 'quick' },
          { tickId: 'tick-f', module: 'journal', rating: 2 },
        ],
      });
      expect(await first.json()).toEqual({ inserted: 2, duplicates: 0 });
      const again = await post('/feedback', {
        feedback: [{ tickId: 'tick-f', module: 'todo', rating: 1 }],
      });
      expect(await again.json()).toEqual({ inserted: 0, duplicates: 1 });
      const rows = await feedbackOf('tick-f');
      expect(rows.map((r) => [r.id, r.rating]).sort()).toEqual([
        ['tick-f-journal', 2],
        ['tick-f-todo', 4],
      ]);
    });

    it.each([0, 6, 2.5, '4'])('rejects rating %s naming the field', async (rating) => {
      const response = await post('/feedback', {
        feedback: [{ tickId: 'tick-r', module: 'todo', rating }],
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorAnswer).error.fields?.map((f) => f.path)).toEqual([
        'feedback.0.rating',
      ]);
      expect(await feedbackOf('tick-r')).toHaveLength(0);
    });

    it('the database enforces 1..5 too', async () => {
      await expect(
        t.db
          .insert(personaFeedback)
          .values({ id: 'direct', personaId, tickId: 'tick-d', module: 'todo', rating: 6 }),
      ).rejects.toThrow();
      await expect(
        t.db
          .insert(personaFeedback)
          .values({ id: 'direct0', personaId, tickId: 'tick-d', module: 'todo', rating: 0 }),
      ).rejects.toThrow();
    });

    it('answers 413 for more than 100 rows', async () => {
      const feedback = Array.from({ length: 101 }, (_, i) => ({
        tickId: `tick-${i}`,
        module: 'todo',
        rating: 3,
      }));
      const response = await post('/feedback', { feedback });
      expect(response.status).toBe(413);
    });

    it('keeps a `__parse` row for output that could not be parsed', async () => {
      const response = await post('/feedback', {
        feedback: [{ tickId: 'tick-p', module: '__parse', rating: 1, notes: 'garbage' }],
      });
      expect(await response.json()).toEqual({ inserted: 1, duplicates: 0 });
    });
  });

  describe('PUT …/ticks/:tickId', () => {
    const put = (tickId: string, body: unknown, id = personaId) =>
      t.service('PUT', `/api/v1/internal/personas/${id}/ticks/${tickId}`, body);
    const tickRow = async (id: string) =>
      (await t.db.select().from(personaTicks).where(eq(personaTicks.id, id)))[0];

    it('upserts the record; only `ok` moves last_active_at', async () => {
      await t.db.update(personas).set({ lastActiveAt: null }).where(eq(personas.userId, personaId));
      const started = new Date(t.clock().getTime() - 60_000).toISOString();
      const running = await put('tick-t', {
        status: 'running',
        startedAt: started,
        brain: 'scripted',
        runnerId: 'r1',
      });
      expect(running.status).toBe(201);
      expect(await lastActive()).toBeNull();
      const failed = await put('tick-u', {
        status: 'failed',
        startedAt: started,
        finishedAt: t.clock().toISOString(),
        error: 'login failed',
      });
      expect(failed.status).toBe(201);
      expect(await lastActive()).toBeNull();
      t.clock.advance(5_000);
      const ok = await put('tick-t', {
        status: 'ok',
        startedAt: started,
        finishedAt: t.clock().toISOString(),
        brain: 'scripted',
        model: 'scripted-v1',
        actionsCount: 7,
        inputTokens: 100,
        outputTokens: 50,
        costUsd: 0.0012,
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ tickId: 'tick-t', created: false });
      expect(await tickRow('tick-t')).toMatchObject({
        status: 'ok',
        actionsCount: 7,
        brain: 'scripted',
        model: 'scripted-v1',
        costUsd: 0.0012,
        runnerId: null,
      });
      expect((await lastActive())?.toISOString()).toBe(t.clock().toISOString());
    });

    it('refuses a tick id that belongs to another persona', async () => {
      const other = await t.createPersona({ email: 'other-ticker@mana.test' });
      const body = { status: 'running', startedAt: t.clock().toISOString() };
      expect((await put('tick-shared', body)).status).toBe(201);
      const response = await put('tick-shared', body, other);
      expect(response.status).toBe(409);
      expect((await tickRow('tick-shared'))?.personaId).toBe(personaId);
    });

    it('refuses a late record of an abandoned tick, which stays abandoned', async () => {
      // A runner whose lease ran out (its tick marked abandoned by the claim that took the
      // persona over) must not revive the tick: neither its end nor a replayed start.
      const started = { status: 'running', startedAt: t.clock().toISOString() };
      expect((await put('tick-late', started)).status).toBe(201);
      await t.db
        .update(personaTicks)
        .set({ status: 'abandoned' })
        .where(eq(personaTicks.id, 'tick-late'));
      const late = await put('tick-late', { ...started, status: 'ok', actionsCount: 3 });
      expect(late.status).toBe(409);
      expect(((await late.json()) as ErrorAnswer).error.message).toMatch(/abandoned/);
      expect((await put('tick-late', started)).status).toBe(409);
      expect(await tickRow('tick-late')).toMatchObject({ status: 'abandoned', actionsCount: 0 });
    });

    it('validates status, timestamps and the tick id', async () => {
      const bad = await put('tick-v', { status: 'done', startedAt: 'yesterday' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorAnswer).error.fields?.map((f) => f.path).sort()).toEqual([
        'startedAt',
        'status',
      ]);
      const backwards = await put('tick-v', {
        status: 'ok',
        startedAt: '2026-11-23T12:00:00Z',
        finishedAt: '2026-11-23T11:00:00Z',
      });
      expect(((await backwards.json()) as ErrorAnswer).error.fields?.[0]?.path).toBe('finishedAt');
      const badId = await put('tick%20with%20spaces', {
        status: 'ok',
        startedAt: '2026-11-23T12:00:00Z',
      });
      expect(badId.status).toBe(400);
      expect(await tickRow('tick-v')).toBeUndefined();
    });
  });

  describe('service key', () => {
    it.each([
      ['missing', {}],
      ['wrong', { 'x-service-key': 'nope' }],
      ['empty', { 'x-service-key': '' }],
      ['a prefix of the real key', { 'x-service-key': 'test-service-key' }],
    ])('answers 401 when the key is %s', async (_, headers) => {
      for (const [method, path] of [
        ['GET', '/api/v1/internal/personas/due'],
        ['POST', `/api/v1/internal/personas/${personaId}/actions`],
        ['POST', `/api/v1/internal/personas/${personaId}/feedback`],
        ['PUT', `/api/v1/internal/personas/${personaId}/ticks/x`],
      ] as const) {
        const response = await t.call(method, path, {
          headers,
          body: method === 'GET' ? undefined : { actions: [] },
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        expect(((await response.json()) as ErrorAnswer).error.code).toBe('UNAUTHORIZED');
      }
    });

    it('a user access token is not a service key', async () => {
      const token = await t.login('writer@mana.test', 'persona-password-123');
      const response = await t.call('GET', '/api/v1/internal/personas/due', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    });
  });
});
