import { personaTicks, personaTranscripts } from '@mana/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAuthApp, type TestAuthApp } from '../../testing/test-app';

const BEARER = 'Bearer s3cr3t-token-value-0123456789';

const tickRecord = (at: Date, transcript: unknown) => ({
  status: 'ok',
  startedAt: at.toISOString(),
  finishedAt: at.toISOString(),
  brain: 'scripted',
  transcript,
});

const entries = [
  {
    role: 'tool_call',
    phase: 'day',
    text: '{"title":"Buy milk"}',
    toolName: 'todo.create',
    call: 0,
  },
  {
    role: 'tool_result',
    phase: 'day',
    text: `{"id":"t1","note":"Authorization: ${BEARER}"}`,
    toolName: 'todo.create',
    call: 0,
  },
  { role: 'assistant', phase: 'rating', text: '{"ratings":[]}' },
];

describe('transcripts on the internal tick API', () => {
  let t: TestAuthApp;
  let personaId: string;

  beforeAll(async () => {
    t = await createTestAuthApp();
    personaId = await t.createPersona({ email: 'talker@mana.test' });
  });
  afterAll(() => t.close());

  const putTick = (tickId: string, body: unknown) =>
    t.service('PUT', `/api/v1/internal/personas/${personaId}/ticks/${tickId}`, body);
  const transcriptOf = async (tickId: string) =>
    (await t.db.select().from(personaTranscripts).where(eq(personaTranscripts.tickId, tickId)))[0];

  it('stores the transcript with the tick, redacting what the sender left in', async () => {
    const response = await putTick('tick-t1', tickRecord(t.clock(), { entries, dropped: 2 }));
    expect(response.status).toBe(201);
    const row = await transcriptOf('tick-t1');
    expect(row?.personaId).toBe(personaId);
    expect(row?.dropped).toBe(2);
    expect(row?.entries.map((e) => e.role)).toEqual(['tool_call', 'tool_result', 'assistant']);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('s3cr3t-token-value');
    expect(row?.entries[1]?.text).toContain('Bearer [redacted]');
  });

  it('refuses a bad transcript with 400 naming the field and writes nothing', async () => {
    const bad = [{ ...entries[0], role: 'robot' }];
    const response = await putTick('tick-bad', tickRecord(t.clock(), { entries: bad }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields?: { path: string }[] } };
    expect(body.error.fields?.map((f) => f.path)).toContain('transcript.entries.0.role');
    expect(await transcriptOf('tick-bad')).toBeUndefined();
    const ticks = await t.db.select().from(personaTicks).where(eq(personaTicks.id, 'tick-bad'));
    expect(ticks).toHaveLength(0);
  });

  it('refuses an entry over the size cap', async () => {
    const long = [{ ...entries[0], text: 'x'.repeat(4_001) }];
    const response = await putTick('tick-long', tickRecord(t.clock(), { entries: long }));
    expect(response.status).toBe(400);
    expect(await transcriptOf('tick-long')).toBeUndefined();
  });

  it('purges transcripts older than the retention when a new one is stored', async () => {
    await putTick('tick-old', tickRecord(t.clock(), { entries }));
    t.clock.advance(29 * 86_400_000);
    await putTick('tick-mid', tickRecord(t.clock(), { entries }));
    expect(await transcriptOf('tick-old')).toBeDefined();
    t.clock.advance(2 * 86_400_000);
    await putTick('tick-new', tickRecord(t.clock(), { entries }));
    expect(await transcriptOf('tick-old')).toBeUndefined();
    expect(await transcriptOf('tick-t1')).toBeUndefined();
    expect(await transcriptOf('tick-mid')).toBeDefined();
    expect(await transcriptOf('tick-new')).toBeDefined();
    // The tick records themselves stay: only their conversations age out.
    const old = await t.db.select().from(personaTicks).where(eq(personaTicks.id, 'tick-old'));
    expect(old).toHaveLength(1);
  });

  it('purges at most once an hour', async () => {
    t.clock.advance(2 * 3_600_000);
    await putTick('tick-a', tickRecord(t.clock(), { entries })); // purges; next in an hour
    t.clock.advance(30 * 60_000);
    await putTick('tick-b', tickRecord(t.clock(), { entries }));
    t.clock.advance(30 * 86_400_000);
    await putTick('tick-c', tickRecord(t.clock(), { entries })); // purges tick-a
    expect(await transcriptOf('tick-a')).toBeUndefined();
    t.clock.advance(10 * 60_000);
    // tick-b is now past the retention, but the last purge was ten minutes ago.
    await putTick('tick-d', tickRecord(t.clock(), { entries }));
    expect(await transcriptOf('tick-b')).toBeDefined();
    t.clock.advance(60 * 60_000);
    await putTick('tick-e', tickRecord(t.clock(), { entries }));
    expect(await transcriptOf('tick-b')).toBeUndefined();
    expect(await transcriptOf('tick-e')).toBeDefined();
  });
});
