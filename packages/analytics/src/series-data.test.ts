import type { ActionOutcome } from '@mana/contracts';
import { personaActions, personaFeedback, personas, users } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegressionData, type RegressionData } from './series-data';
import { type AnalysisWindow, windowBounds } from './windows';

const asOf = new Date('2026-11-30T00:00:00Z');
const window: AnalysisWindow = { asOf, recentDays: 7, baselineDays: 7 };
const { start, split } = windowBounds(window);
const DAY = 24 * 3600 * 1000;
const base = (h: number) => new Date(Date.parse(split) - h * 3600 * 1000);
const recent = (h: number) => new Date(Date.parse(split) + h * 3600 * 1000);

type Row = PgInsertValue<typeof personaActions>;
let n = 0;
function row(
  over: Partial<Row> & { toolName: string; outcome: ActionOutcome; createdAt: Date },
): Row {
  n++;
  return {
    id: `a-${n}`,
    personaId: 'p1',
    tickId: `t-${n}`,
    seq: 0,
    module: over.toolName.split('.')[0] as string,
    spaceId: 's',
    result: ['ok', 'check_failed'].includes(over.outcome) ? 'ok' : 'error',
    latencyMs: 10,
    ...over,
  };
}

describe('the SQL aggregation behind the detectors', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let data: RegressionData;
  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    for (const id of ['p1', 'p2']) {
      await db.insert(users).values({ id, name: id, email: `${id}@mana.test`, kind: 'persona' });
      await db.insert(personas).values({
        userId: id,
        archetype: 'a',
        systemPrompt: 's',
        moduleMix: { todo: 1 },
        tickCadence: 'daily',
      });
    }
    await db.insert(personaActions).values([
      // Baseline of todo.create: 3 ok, a refusal (no stored signature: SQL computes it),
      // an app error with its signature stored, a passed and a failed check.
      row({ toolName: 'todo.create', outcome: 'ok', latencyMs: 10, createdAt: base(50) }),
      row({
        toolName: 'todo.create',
        outcome: 'ok',
        latencyMs: 20,
        createdAt: base(40),
        checkStatus: 'passed',
      }),
      row({ toolName: 'todo.create', outcome: 'ok', latencyMs: 30, createdAt: base(30) }),
      row({
        toolName: 'todo.create',
        outcome: 'invalid_input',
        errorKind: 'invalid_input',
        errorMessage: 'title "Buy milk" is longer than 3 characters',
        latencyMs: 2,
        createdAt: base(20),
      }),
      row({
        toolName: 'todo.create',
        outcome: 'app_error',
        errorMessage: 'Internal error 500',
        errorSignature: sql`auth.error_signature('Internal error 500')`,
        latencyMs: 700,
        createdAt: base(10),
      }),
      row({
        toolName: 'todo.create',
        outcome: 'check_failed',
        checkStatus: 'failed',
        latencyMs: 40,
        createdAt: new Date(split), // exactly at the split: still baseline
      }),
      // Recent: p2's two ok calls, a timeout and a transport failure (no latency counted).
      row({
        toolName: 'todo.create',
        outcome: 'ok',
        personaId: 'p2',
        latencyMs: 15,
        createdAt: recent(1),
      }),
      row({
        toolName: 'todo.create',
        outcome: 'ok',
        personaId: 'p2',
        latencyMs: 25,
        createdAt: recent(2),
      }),
      row({
        toolName: 'todo.create',
        outcome: 'timeout',
        errorKind: 'timeout',
        errorMessage: 'timed out after 30000 ms',
        latencyMs: 30_000,
        createdAt: recent(3),
      }),
      row({
        toolName: 'todo.create',
        outcome: 'transport',
        errorKind: 'transport',
        errorMessage: 'ECONNREFUSED',
        latencyMs: null,
        createdAt: recent(4),
      }),
      // Another tool of the module, recent only; and a row at the start bound (outside).
      row({ toolName: 'todo.list', outcome: 'ok', latencyMs: 5, createdAt: recent(5) }),
      row({ toolName: 'todo.list', outcome: 'ok', createdAt: new Date(start) }),
      // An old row (before kinds): backfilled as app_error, no kind.
      row({
        toolName: 'todo.list',
        outcome: 'app_error',
        errorMessage: 'boom',
        createdAt: recent(6),
      }),
    ]);
    await db.insert(personaFeedback).values([
      { id: 'f1', personaId: 'p1', tickId: 't', module: 'todo', rating: 4, createdAt: base(5) },
      { id: 'f2', personaId: 'p1', tickId: 't', module: 'todo', rating: 2, createdAt: recent(5) },
      {
        id: 'f3',
        personaId: 'p1',
        tickId: 't',
        module: '__parse',
        rating: 1,
        createdAt: recent(5),
      },
      {
        id: 'f4',
        personaId: 'p1',
        tickId: 't',
        module: 'todo',
        rating: 5,
        createdAt: new Date(asOf.getTime() + DAY),
      },
    ]);
    data = await loadRegressionData(db, window);
  });
  afterAll(() => database.close());

  const series = (tool: string | null, module = 'todo') =>
    data.series.find((s) => s.tool === tool && s.module === module);

  it('counts outcomes per window: refusals apart, failures among the calls that reached the app', () => {
    expect(series('todo.create')?.baseline).toEqual({
      calls: 6,
      personas: 1,
      errors: 2,
      invalidInput: 1,
      reached: 5,
      failures: 1,
      checked: 2,
      checkFailed: 1,
      // Of the answered calls only: 10, 20, 30 and the failed check's 40.
      latencyP50Ms: 25,
      latencyP95Ms: 39,
    });
    expect(series('todo.create')?.recent).toMatchObject({
      calls: 4,
      personas: 2,
      invalidInput: 0,
      reached: 4,
      failures: 2,
      checked: 0,
      latencyP50Ms: 20,
    });
  });

  it('sums tools into their module (grouping sets) and leaves out rows outside the windows', () => {
    expect(series(null)?.scope).toBe('module');
    expect(series(null)?.recent).toMatchObject({ calls: 6, failures: 3, personas: 2 });
    expect(series('todo.list')?.baseline.calls).toBe(0);
    expect(data.series.map((s) => s.tool)).toEqual([null, 'todo.create', 'todo.list']);
  });

  it('breaks calls down by persona, busiest in the recent window first', () => {
    expect(series('todo.create')?.callsByPersona).toEqual([
      { personaId: 'p1', persona: 'p1@mana.test', baseline: 6, recent: 2 },
      { personaId: 'p2', persona: 'p2@mana.test', baseline: 0, recent: 2 },
    ]);
    expect(series(null)?.callsByPersona.map((p) => [p.personaId, p.recent])).toEqual([
      ['p1', 4],
      ['p2', 2],
    ]);
  });

  it('groups error messages by signature, computing it for rows stored without one', () => {
    expect(data.signatures.filter((s) => s.tool === 'todo.create')).toEqual([
      expect.objectContaining({
        signature: 'ECONNREFUSED'.toLowerCase(),
        recent: 1,
        baseline: 0,
        outcomes: ['transport'],
      }),
      expect.objectContaining({
        signature: 'internal error <n>',
        baseline: 1,
        recent: 0,
        outcomes: ['app_error'],
      }),
      expect.objectContaining({ signature: 'timed out after <n> ms', recent: 1 }),
      expect.objectContaining({
        signature: 'title <text> is longer than <n> characters',
        example: 'title "Buy milk" is longer than 3 characters',
        outcomes: ['invalid_input'],
      }),
    ]);
  });

  it('collects latencies of answered calls only, and ratings without the parse marker', () => {
    expect(data.latencies.get('todo.create')).toEqual({
      baseline: [10, 20, 30, 40],
      recent: [15, 25],
    });
    expect(data.ratings.get('todo')).toEqual({ baseline: [4], recent: [2] });
    expect(data.ratings.has('__parse')).toBe(false);
  });
});
