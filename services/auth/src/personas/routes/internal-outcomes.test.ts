import { personaActions } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp } from '../../testing/test-app';

/** The persona's personal space, known once it exists. */
const space = { id: '' };

const row = (tickId: string, index: number, extra: Record<string, unknown> = {}) => ({
  tickId,
  index,
  toolName: 'todo.create',
  module: 'todo',
  spaceId: space.id,
  result: 'ok',
  latencyMs: 12,
  ...extra,
});

describe('internal persona API: outcome kinds and checks', () => {
  let t: TestAuthApp;
  let personaId: string;

  beforeAll(async () => {
    t = await createTestAuthApp();
    personaId = await t.createPersona({ email: 'outcomes@mana.test' });
    space.id = await t.spaceOf(personaId);
  });
  afterAll(() => t.close());

  const post = (body: unknown) =>
    t.service('POST', `/api/v1/internal/personas/${personaId}/actions`, body);
  const rowsOf = (tickId: string) =>
    t.db
      .select()
      .from(personaActions)
      .where(eq(personaActions.tickId, tickId))
      .orderBy(personaActions.seq);

  it('stores each error kind, each check and the outcome they make', async () => {
    const response = await post({
      actions: [
        row('k', 0, {
          check: { status: 'failed', by: 1, expected: 'title "Buy milk"', seen: 'absent' },
        }),
        row('k', 1, { toolName: 'todo.list', checkOf: 0 }),
        row('k', 2, {
          result: 'error',
          errorKind: 'invalid_input',
          errorMessage:
            'Invalid input for todo.create: title (Too big: expected string to have <=200 characters)',
        }),
        row('k', 3, {
          result: 'error',
          errorKind: 'app_error',
          errorMessage: 'todo.create failed unexpectedly',
        }),
        row('k', 4, {
          result: 'error',
          errorKind: 'timeout',
          errorMessage: 'no answer in 30000 ms',
        }),
        row('k', 5, {
          result: 'error',
          errorKind: 'transport',
          errorMessage: 'fetch failed (ECONNREFUSED)',
        }),
        row('k', 6, { check: { status: 'passed', by: 7 } }),
      ],
    });
    expect(response.status).toBe(200);
    const rows = await rowsOf('k');
    expect(rows.map((r) => r.outcome)).toEqual([
      'check_failed',
      'ok',
      'invalid_input',
      'app_error',
      'timeout',
      'transport',
      'ok',
    ]);
    expect(rows[0]).toMatchObject({
      result: 'ok',
      checkStatus: 'failed',
      checkBy: 1,
      checkExpected: 'title "Buy milk"',
      checkSeen: 'absent',
    });
    expect(rows[1]).toMatchObject({ checkOf: 0, checkStatus: null });
    expect(rows[2]).toMatchObject({
      errorKind: 'invalid_input',
      errorSignature:
        'invalid input for todo.create: title (too big: expected string to have <=<n> characters)',
    });
    expect(rows[6]).toMatchObject({ checkStatus: 'passed', outcome: 'ok' });
  });

  it('an error from an older runner, without a kind, counts as an app error', async () => {
    expect(
      (await post({ actions: [row('old', 0, { result: 'error', errorMessage: 'boom' })] })).status,
    ).toBe(200);
    expect((await rowsOf('old'))[0]).toMatchObject({ outcome: 'app_error', errorKind: null });
  });

  it('answers 400 naming the field for an unknown error kind or check, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ result: 'error', errorKind: 'cosmic_ray' }, 'actions.1.errorKind'],
      [{ check: { status: 'meh' } }, 'actions.1.check.status'],
      [{ result: 'error', errorKind: 'app_error', check: { status: 'passed' } }, 'actions.1.check'],
      [{ errorKind: 'app_error' }, 'actions.1.errorKind'],
      [{ outcome: 'ok' }, 'actions.1'],
    ];
    for (const [extra, field] of cases) {
      const response = await post({ actions: [row('bad', 0), row('bad', 1, extra)] });
      expect(response.status, JSON.stringify(extra)).toBe(400);
      const body = (await response.json()) as { error: { fields: { path: string }[] } };
      expect(body.error.fields.map((f) => f.path)).toContain(field);
    }
    expect(await rowsOf('bad')).toEqual([]);
  });
});
