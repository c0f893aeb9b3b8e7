import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionRow, FeedbackRow, StoredDeadLetter, TickRecord } from '@mana/contracts';
import { HEADERS } from '@mana/contracts';
import { personaActions, personaFeedback, personas, personaTicks } from '@mana/db';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalApiClient } from '../clients/internal-api';
import { createRunnerMetrics } from '../metrics';
import { STACK_SERVICE_KEY, startTestStack, type TestStack } from '../testing/stack-harness';
import { Journal } from './journal';
import { Outbox, type PendingWrite } from './outbox';

const noSleep = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

// Issue 11: a persona-day is one `day` write (one request) instead of three; what the
// three writes guaranteed (retry, dead letters, the journal) holds for it.
describe('Outbox with day writes, against the identity service', { timeout: 60_000 }, () => {
  let stack: TestStack;
  let personaId: string;
  let spaceId: string;
  let dataDir: string;
  /** The paths of the internal API requests sent, and whether the network is "down". */
  const sent: string[] = [];
  let down = false;
  const counting: typeof fetch = async (input, init) => {
    sent.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
    if (down) throw new TypeError('fetch failed (simulated outage)');
    return fetch(input, init);
  };

  beforeAll(async () => {
    stack = await startTestStack();
    const email = stack.persona('Anna').email;
    const { accessToken, user } = await stack.login(email);
    personaId = user.id;
    const spaces = await stack.spacesOf(accessToken);
    spaceId = spaces.find((s) => s.type === 'personal')?.id as string;
    dataDir = mkdtempSync(join(tmpdir(), 'outbox-'));
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await stack.close();
  });

  const outbox = (journal?: Journal) => {
    const metrics = createRunnerMetrics();
    const api = new InternalApiClient({
      authUrl: stack.auth.url,
      serviceKey: STACK_SERVICE_KEY,
      retry: noSleep,
      fetch: counting,
    });
    const sink = { runnerId: 'r-outbox', metrics, logger: pino({ level: 'silent' }) };
    return { box: new Outbox(api, sink, journal), metrics };
  };
  const dayWrite = (
    tickId: string,
    options: { actions?: number; feedback?: FeedbackRow[] } = {},
  ): Extract<PendingWrite, { kind: 'day' }> => {
    const actions: ActionRow[] = Array.from({ length: options.actions ?? 2 }, (_, index) => ({
      tickId,
      index,
      toolName: 'todo.create',
      module: 'todo',
      spaceId,
      result: 'ok',
      latencyMs: 5,
    }));
    const record: TickRecord = {
      status: 'ok',
      startedAt: '2026-11-25T09:00:00.000Z',
      finishedAt: '2026-11-25T09:01:00.000Z',
      spaceId,
      actionsCount: actions.length,
    };
    const feedback = options.feedback ?? [{ tickId, module: 'todo', rating: 4 }];
    return { kind: 'day', personaId, tickId, record, actions, feedback };
  };
  const storedOf = async (tickId: string) => ({
    tick: (await stack.db.select().from(personaTicks).where(eq(personaTicks.id, tickId)))[0]
      ?.status,
    actions: (await stack.db.select().from(personaActions).where(eq(personaActions.tickId, tickId)))
      .length,
    feedback: (
      await stack.db.select().from(personaFeedback).where(eq(personaFeedback.tickId, tickId))
    ).length,
  });
  const lettersOf = async (tickId: string) => {
    const response = await fetch(
      `${stack.auth.url}/api/v1/internal/dead-letters?personaId=${personaId}`,
      { headers: { [HEADERS.serviceKey]: STACK_SERVICE_KEY } },
    );
    const { deadLetters } = (await response.json()) as { deadLetters: StoredDeadLetter[] };
    return deadLetters.filter((l) => l.tickId === tickId);
  };

  it('stores a day with one request', async () => {
    sent.length = 0;
    await outbox().box.send(dayWrite('ob-1'));
    expect(sent).toEqual([`PUT /api/v1/internal/personas/${personaId}/days/ob-1`]);
    expect(await storedOf('ob-1')).toEqual({ tick: 'ok', actions: 2, feedback: 1 });
  });

  it('keeps a day the network lost, and the next flush stores it once', async () => {
    const { box } = outbox();
    down = true;
    await expect(box.send(dayWrite('ob-2'))).rejects.toThrow(/outage/);
    down = false;
    expect(box.size).toBe(1);
    expect(await storedOf('ob-2')).toEqual({ tick: undefined, actions: 0, feedback: 0 });
    sent.length = 0;
    expect(await box.flush()).toBe(1);
    expect(sent).toHaveLength(1);
    expect(await storedOf('ob-2')).toEqual({ tick: 'ok', actions: 2, feedback: 1 });
  });

  it('gives back the claim with a day sent at once, never with one kept for later', async () => {
    const claim = () =>
      stack.db
        .update(personas)
        .set({ claimedBy: 'r-outbox', leaseUntil: new Date(Date.now() + 60_000) })
        .where(eq(personas.userId, personaId));
    const claimedBy = async () =>
      (await stack.db.select().from(personas).where(eq(personas.userId, personaId)))[0]?.claimedBy;
    const releasing = (tickId: string) => {
      const write = dayWrite(tickId);
      return { ...write, record: { ...write.record, runnerId: 'r-outbox' }, release: true };
    };
    await claim();
    expect(await outbox().box.send(releasing('ob-r1'))).toBe(true);
    expect(await claimedBy()).toBeNull();
    // Kept through an outage, the day is delivered later without the release: the claim
    // made since is not freed by it.
    const { box } = outbox();
    down = true;
    await expect(box.send(releasing('ob-r2'))).rejects.toThrow(/outage/);
    down = false;
    await claim();
    expect(await box.flush()).toBe(1);
    expect(await storedOf('ob-r2')).toEqual({ tick: 'ok', actions: 2, feedback: 1 });
    expect(await claimedBy()).toBe('r-outbox');
    await stack.db
      .update(personas)
      .set({ claimedBy: null, leaseUntil: null })
      .where(eq(personas.userId, personaId));
  });

  it('a day refused for a bad rating is stored as separate writes: only the rating is a dead letter', async () => {
    const { box, metrics } = outbox();
    const bad = { tickId: 'ob-3', module: 'nonesuch', rating: 2 };
    sent.length = 0;
    await box.send(dayWrite('ob-3', { feedback: [bad] }));
    expect(sent.map((s) => s.split('/').slice(-2).join('/'))).toEqual([
      'days/ob-3',
      `${personaId}/actions`,
      `${personaId}/feedback`,
      `${personaId}/dead-letters`,
      'ticks/ob-3',
    ]);
    expect(await storedOf('ob-3')).toEqual({ tick: 'ok', actions: 2, feedback: 0 });
    const letters = await lettersOf('ob-3');
    expect(letters.map((l) => [l.kind, l.status, l.runnerId])).toEqual([
      ['feedback', 400, 'r-outbox'],
    ]);
    expect(JSON.parse(letters[0]?.payload ?? '')).toEqual([bad]);
    expect(await metrics.registry.metrics()).toMatch(
      /persona_dead_letters_total\{kind="feedback"\} 1/,
    );
    expect(box.size).toBe(0);
  });

  it('a day of an abandoned tick keeps its rows; the record goes to a dead letter', async () => {
    // What the separate writes did: the calls happened in the app, the late record must
    // not revive the tick.
    const running = { status: 'running', startedAt: '2026-11-25T09:00:00.000Z' };
    const api = new InternalApiClient({ authUrl: stack.auth.url, serviceKey: STACK_SERVICE_KEY });
    await api.putTick(personaId, 'ob-4', running as TickRecord);
    await stack.db
      .update(personaTicks)
      .set({ status: 'abandoned' })
      .where(eq(personaTicks.id, 'ob-4'));
    const { box } = outbox();
    const day = dayWrite('ob-4');
    await box.send(day);
    expect(await storedOf('ob-4')).toEqual({ tick: 'abandoned', actions: 2, feedback: 1 });
    const letters = await lettersOf('ob-4');
    expect(letters.map((l) => [l.kind, l.status])).toEqual([['tick', 409]]);
    expect(JSON.parse(letters[0]?.payload ?? '')).toEqual(day.record);
  });

  it('a day past the batch limit goes as the separate writes, batched', async () => {
    sent.length = 0;
    await outbox().box.send(dayWrite('ob-5', { actions: 501 }));
    expect(sent.map((s) => s.split('/').pop())).toEqual(['actions', 'actions', 'feedback', 'ob-5']);
    expect(await storedOf('ob-5')).toEqual({ tick: 'ok', actions: 501, feedback: 1 });
  });

  it('a journaled day a crash left owed is replayed and stored once', async () => {
    const first = Journal.open(dataDir, pino({ level: 'silent' }));
    first.replay();
    const { box } = outbox(first);
    down = true;
    await expect(box.send(dayWrite('ob-6'))).rejects.toThrow(/outage/);
    down = false;
    first.close(); // as if killed with the day still owed

    const journal = Journal.open(dataDir, pino({ level: 'silent' }));
    const owed = journal.replay();
    expect(owed.map((o) => o.write.kind)).toEqual(['day']);
    const restarted = outbox(journal).box;
    restarted.restore(owed);
    sent.length = 0;
    expect(await restarted.flush()).toBe(1);
    expect(sent).toEqual([`PUT /api/v1/internal/personas/${personaId}/days/ob-6`]);
    expect(await storedOf('ob-6')).toEqual({ tick: 'ok', actions: 2, feedback: 1 });
    expect(journal.outstanding).toBe(0);
    journal.close();
  });
});
