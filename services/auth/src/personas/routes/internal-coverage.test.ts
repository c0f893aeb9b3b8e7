import { coverageAnswerSchema } from '@mana/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp, testClock } from '../../testing/test-app';

const DAY = 86_400_000;

/** The persona's personal space, known once it exists. */
const space = { id: '' };

const row = (tickId: string, index: number, toolName: string, extra = {}) => ({
  tickId,
  index,
  toolName,
  module: toolName.slice(0, toolName.indexOf('.')),
  spaceId: space.id,
  result: 'ok',
  ...extra,
});

describe('GET /api/v1/internal/coverage', () => {
  const clock = testClock('2026-11-23T12:00:00Z');
  let t: TestAuthApp;
  let personaId: string;

  beforeAll(async () => {
    t = await createTestAuthApp({ clock });
    personaId = await t.createPersona({ email: 'coverage@mana.test' });
    space.id = await t.spaceOf(personaId);
    const post = (actions: unknown[]) =>
      t.service('POST', `/api/v1/internal/personas/${personaId}/actions`, { actions });
    // Ten days ago: outside the default week, inside a 14-day window.
    clock.set('2026-11-13T12:00:00Z');
    expect((await post([row('old', 0, 'todo.create'), row('old', 1, 'notes.list')])).status).toBe(
      200,
    );
    clock.set('2026-11-21T12:00:00Z');
    const recent = await post([
      row('new', 0, 'todo.list'),
      row('new', 1, 'todo.create', { result: 'error', errorKind: 'invalid_input' }),
      row('new', 2, 'todo.list', { checkOf: 1 }),
      row('new', 3, 'todo.list'),
    ]);
    expect(recent.status).toBe(200);
    clock.set('2026-11-23T12:00:00Z');
  });
  afterAll(() => t.close());

  it('counts every call of each tool over the last 7 days, errors and checking reads included', async () => {
    const response = await t.service('GET', '/api/v1/internal/coverage?days=7');
    expect(response.status).toBe(200);
    const answer = coverageAnswerSchema.parse(await response.json());
    expect(answer).toEqual({
      tools: { 'todo.create': { calls: 1 }, 'todo.list': { calls: 3 } },
      since: new Date(clock().getTime() - 7 * DAY).toISOString(),
    });
  });

  it('looks back as far as asked, 7 days by default', async () => {
    const wide = coverageAnswerSchema.parse(
      await (await t.service('GET', '/api/v1/internal/coverage?days=14')).json(),
    );
    expect(wide.tools).toEqual({
      'notes.list': { calls: 1 },
      'todo.create': { calls: 2 },
      'todo.list': { calls: 3 },
    });
    const byDefault = coverageAnswerSchema.parse(
      await (await t.service('GET', '/api/v1/internal/coverage')).json(),
    );
    expect(Object.keys(byDefault.tools).sort()).toEqual(['todo.create', 'todo.list']);
  });

  it('answers 400 naming days for a bad window', async () => {
    for (const days of ['0', '-1', '91', 'week', '1.5', '']) {
      const response = await t.service('GET', `/api/v1/internal/coverage?days=${days}`);
      expect(response.status, days).toBe(400);
      const body = (await response.json()) as { error: { fields?: { path: string }[] } };
      expect(body.error.fields?.map((f) => f.path)).toContain('days');
    }
  });

  it('answers 401 without the service key, or with a wrong one', async () => {
    expect((await t.call('GET', '/api/v1/internal/coverage?days=7')).status).toBe(401);
    const wrong = await t.call('GET', '/api/v1/internal/coverage?days=7', {
      headers: { 'x-service-key': 'not-the-key' },
    });
    expect(wrong.status).toBe(401);
  });
});
