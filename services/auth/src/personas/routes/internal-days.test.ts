import { dayBodySchema } from '@mana/contracts';
import {
  personaActions,
  personaFeedback,
  personas,
  personaTicks,
  personaTranscripts,
} from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp } from '../../testing/test-app';
import { storeDay } from '../db/persona-writes';

interface ErrorAnswer {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
}

// Issue 11: a persona-day stored in one request and one transaction, with the semantics
// of the three separate writes (actions, feedback, tick) it replaces.
describe('PUT /api/v1/internal/personas/:id/days/:tickId', () => {
  let t: TestAuthApp;
  let personaId: string;
  let space: string;

  beforeAll(async () => {
    t = await createTestAuthApp();
    personaId = await t.createPersona({ email: 'day-writer@mana.test' });
    space = await t.spaceOf(personaId);
  });
  afterAll(() => t.close());

  const action = (tickId: string, index: number, extra: Record<string, unknown> = {}) => ({
    tickId,
    index,
    toolName: 'todo.create',
    module: 'todo',
    spaceId: space,
    result: 'ok',
    latencyMs: 12,
    ...extra,
  });
  const day = (tickId: string, extra: Record<string, unknown> = {}) => ({
    record: {
      status: 'ok',
      startedAt: new Date(t.clock().getTime() - 60_000).toISOString(),
      finishedAt: t.clock().toISOString(),
      brain: 'scripted',
      spaceId: space,
      actionsCount: 2,
      transcript: {
        entries: [{ role: 'assistant', phase: 'day', text: 'done for today' }],
        dropped: 0,
      },
    },
    actions: [action(tickId, 0), action(tickId, 1, { result: 'error', errorMessage: 'boom' })],
    feedback: [{ tickId, module: 'todo', rating: 4, notes: 'quick' }],
    ...extra,
  });
  const putDay = (tickId: string, body: unknown, id = personaId) =>
    t.service('PUT', `/api/v1/internal/personas/${id}/days/${tickId}`, body);
  const stored = async (tickId: string) => ({
    tick: (await t.db.select().from(personaTicks).where(eq(personaTicks.id, tickId)))[0],
    actions: await t.db.select().from(personaActions).where(eq(personaActions.tickId, tickId)),
    feedback: await t.db.select().from(personaFeedback).where(eq(personaFeedback.tickId, tickId)),
    transcript: (
      await t.db.select().from(personaTranscripts).where(eq(personaTranscripts.tickId, tickId))
    )[0],
  });
  const nothingOf = async (tickId: string) => {
    const rows = await stored(tickId);
    expect(rows).toEqual({ tick: undefined, actions: [], feedback: [], transcript: undefined });
  };

  it('stores the record, its transcript, the actions and the ratings in one request', async () => {
    await t.db.update(personas).set({ lastActiveAt: null }).where(eq(personas.userId, personaId));
    const response = await putDay('day-1', day('day-1'));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({
      tickId: 'day-1',
      created: true,
      actions: { inserted: 2, duplicates: 0 },
      feedback: { inserted: 1, duplicates: 0 },
      released: false,
    });
    const rows = await stored('day-1');
    expect(rows.tick).toMatchObject({ personaId, status: 'ok', actionsCount: 2, spaceId: space });
    expect(rows.actions.map((a) => [a.id, a.outcome]).sort()).toEqual([
      ['day-1-0-todo.create', 'ok'],
      ['day-1-1-todo.create', 'app_error'],
    ]);
    expect(rows.feedback).toMatchObject([{ id: 'day-1-todo', rating: 4, notes: 'quick' }]);
    expect(rows.transcript?.entries.map((e) => e.text)).toEqual(['done for today']);
    const [persona] = await t.db.select().from(personas).where(eq(personas.userId, personaId));
    expect(persona?.lastActiveAt?.toISOString()).toBe(t.clock().toISOString());
  });

  it('a replayed day stores nothing twice', async () => {
    const body = day('day-2');
    expect((await putDay('day-2', body)).status).toBe(201);
    const again = await putDay('day-2', body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      created: false,
      actions: { inserted: 0, duplicates: 2 },
      feedback: { inserted: 0, duplicates: 1 },
    });
    const rows = await stored('day-2');
    expect([rows.actions.length, rows.feedback.length]).toEqual([2, 1]);
  });

  it('a day with neither actions nor ratings stores the record alone, and counts as lived', async () => {
    await t.db.update(personas).set({ lastActiveAt: null }).where(eq(personas.userId, personaId));
    t.clock.advance(60_000);
    const response = await putDay('day-3', day('day-3', { actions: [], feedback: [] }));
    expect(response.status).toBe(201);
    expect((await stored('day-3')).tick?.status).toBe('ok');
    const [persona] = await t.db.select().from(personas).where(eq(personas.userId, personaId));
    expect(persona?.lastActiveAt?.toISOString()).toBe(t.clock().toISOString());
    // A replay (no action new) moves it on to the clock too, as the tick route does.
    t.clock.advance(60_000);
    expect((await putDay('day-2', day('day-2'))).status).toBe(200);
    const [again] = await t.db.select().from(personas).where(eq(personas.userId, personaId));
    expect(again?.lastActiveAt?.toISOString()).toBe(t.clock().toISOString());
  });

  it('gives back its runner’s claim with the day when asked, and only that runner’s', async () => {
    const claimedBy = async () =>
      (await t.db.select().from(personas).where(eq(personas.userId, personaId)))[0]?.claimedBy;
    const claim = (runnerId: string) =>
      t.db
        .update(personas)
        .set({ claimedBy: runnerId, leaseUntil: new Date(t.clock().getTime() + 60_000) })
        .where(eq(personas.userId, personaId));
    const withRunner = (tickId: string, runnerId: string, release?: boolean) => {
      const body = day(tickId);
      return {
        ...body,
        record: { ...body.record, runnerId },
        ...(release === undefined ? {} : { release }),
      };
    };
    await claim('runner-a');
    // Without `release` the claim stays (the runner releases it itself).
    const kept = await putDay('day-r1', withRunner('day-r1', 'runner-a'));
    expect(await kept.json()).toMatchObject({ released: false });
    expect(await claimedBy()).toBe('runner-a');
    // Another runner's day never frees runner-a's claim.
    const foreign = await putDay('day-r2', withRunner('day-r2', 'runner-b', true));
    expect(await foreign.json()).toMatchObject({ released: false });
    expect(await claimedBy()).toBe('runner-a');
    const given = await putDay('day-r3', withRunner('day-r3', 'runner-a', true));
    expect(given.status).toBe(201);
    expect(await given.json()).toMatchObject({ released: true });
    const [persona] = await t.db.select().from(personas).where(eq(personas.userId, personaId));
    expect([persona?.claimedBy, persona?.leaseUntil]).toEqual([null, null]);
  });

  it('answers 409 for an abandoned tick, and stores none of the day', async () => {
    const started = { status: 'running', startedAt: t.clock().toISOString() };
    const tick = `/api/v1/internal/personas/${personaId}/ticks/day-late`;
    expect((await t.service('PUT', tick, started)).status).toBe(201);
    await t.db
      .update(personaTicks)
      .set({ status: 'abandoned' })
      .where(eq(personaTicks.id, 'day-late'));
    const late = await putDay('day-late', day('day-late'));
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorAnswer).error.message).toMatch(/abandoned/);
    const rows = await stored('day-late');
    expect(rows.tick).toMatchObject({ status: 'abandoned', actionsCount: 0 });
    expect([rows.actions, rows.feedback, rows.transcript]).toEqual([[], [], undefined]);
  });

  it('answers 409 for a tick id of another persona, storing none of the day', async () => {
    const other = await t.createPersona({ email: 'other-day-writer@mana.test' });
    expect((await putDay('day-4', day('day-4'))).status).toBe(201);
    const body = day('day-4', { actions: [], feedback: [] });
    body.record.spaceId = await t.spaceOf(other);
    const response = await putDay('day-4', body, other);
    expect(response.status).toBe(409);
    expect((await stored('day-4')).tick?.personaId).toBe(personaId);
  });

  it('answers 400 naming each bad field, and stores none of the day', async () => {
    const response = await putDay(
      'day-bad',
      day('day-bad', {
        actions: [action('day-bad', 0), action('day-bad', 1, { result: 'maybe' })],
        feedback: [{ tickId: 'day-bad', module: 'todo', rating: 6 }],
      }),
    );
    expect(response.status).toBe(400);
    const answer = (await response.json()) as ErrorAnswer;
    expect(answer.error.code).toBe('VALIDATION_FAILED');
    expect(answer.error.fields?.map((f) => f.path).sort()).toEqual([
      'actions.1.result',
      'feedback.0.rating',
    ]);
    const badRecord = await putDay('day-bad', {
      ...day('day-bad'),
      record: { status: 'done', startedAt: 'yesterday' },
    });
    expect(((await badRecord.json()) as ErrorAnswer).error.fields?.map((f) => f.path)).toEqual([
      'record.status',
      'record.startedAt',
    ]);
    const missing = await putDay('day-bad', { record: day('day-bad').record });
    expect(((await missing.json()) as ErrorAnswer).error.fields?.map((f) => f.path)).toEqual([
      'actions',
      'feedback',
    ]);
    await nothingOf('day-bad');
  });

  it('answers 400 for a foreign space, an unknown module or a row of another tick', async () => {
    const other = await t.createPersona({ email: 'stranger@mana.test' });
    const foreign = await t.spaceOf(other);
    const body = day('day-refs', {
      actions: [action('day-refs', 0, { spaceId: foreign }), action('day-other', 1)],
      feedback: [{ tickId: 'day-refs', module: 'nonesuch', rating: 3 }],
    });
    body.record.spaceId = foreign;
    const response = await putDay('day-refs', body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorAnswer).error.fields?.map((f) => f.path)).toEqual([
      'record.spaceId',
      'actions.0.spaceId',
      'feedback.0.module',
      'actions.1.tickId',
    ]);
    await nothingOf('day-refs');
    await nothingOf('day-other');
  });

  it('answers 404 for an unknown persona', async () => {
    const response = await putDay('day-x', day('day-x'), 'nobody');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorAnswer).error.code).toBe('PERSONA_NOT_FOUND');
  });

  it('answers 413 past 500 actions or 100 ratings, and stores none of the day', async () => {
    const many = Array.from({ length: 501 }, (_, i) => action('day-big', i));
    const actions = await putDay('day-big', day('day-big', { actions: many }));
    expect(actions.status).toBe(413);
    expect(((await actions.json()) as ErrorAnswer).error.code).toBe('BATCH_TOO_LARGE');
    const ratings = Array.from({ length: 101 }, () => ({
      tickId: 'day-big',
      module: 'todo',
      rating: 3,
    }));
    const feedback = await putDay('day-big', day('day-big', { feedback: ratings }));
    expect(feedback.status).toBe(413);
    await nothingOf('day-big');
  });

  it('one transaction: a rating the database refuses takes the record and actions with it', async () => {
    const { record, actions } = dayBodySchema.parse(day('day-tx'));
    const stamped = { ...record, startedAt: t.clock(), finishedAt: t.clock() };
    // Past the route's validation, only the database's CHECK (1..5) refuses the rating.
    const feedback = [{ tickId: 'day-tx', module: 'todo', rating: 9 }];
    await expect(
      storeDay(t.db, personaId, 'day-tx', { record: stamped, actions, feedback }, t.clock()),
    ).rejects.toThrow();
    await nothingOf('day-tx');
  });

  it('answers 401 without the service key', async () => {
    const response = await t.call('PUT', `/api/v1/internal/personas/${personaId}/days/day-k`, {
      headers: {},
      body: day('day-k'),
    });
    expect(response.status).toBe(401);
    await nothingOf('day-k');
  });
});
