import { personaActions, personaFeedback, personas, users } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertEvidence } from './evidence';
import { moduleTrends } from './module-trends';
import { detectRegressions } from './regressions';
import { DEFAULT_THRESHOLDS } from './thresholds';
import { toolStats } from './tool-stats';
import { defaultWindow } from './windows';

const DAY = 24 * 3600 * 1000;
const asOf = new Date('2026-11-30T00:00:00Z');

/** A deterministic pseudo-random stream, so the synthetic data is the same every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('regression alerts on synthetic history', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const rand = rng(42);
  let seq = 0;

  /** `count` ratings for a module per day over `days` days ending `endAgo` days before asOf. */
  const ratings = (module: string, days: [number, number], perDay: number, pick: () => number) => {
    const rows = [];
    for (let d = days[0]; d < days[1]; d++) {
      for (let i = 0; i < perDay; i++) {
        rows.push({
          id: `f-${++seq}`,
          personaId: 'p1',
          tickId: `t-${seq}`,
          module,
          rating: pick(),
          notes: `note ${seq}`,
          createdAt: new Date(asOf.getTime() - d * DAY - (i + 1) * 60_000),
        });
      }
    }
    return rows;
  };
  const calls = (tool: string, days: [number, number], perDay: number, errorRate: number) => {
    const rows = [];
    for (let d = days[0]; d < days[1]; d++) {
      for (let i = 0; i < perDay; i++) {
        const error = rand() < errorRate;
        rows.push({
          id: `a-${++seq}`,
          personaId: 'p1',
          tickId: `t-${seq}`,
          seq: 0,
          toolName: tool,
          module: tool.split('.')[0] as string,
          spaceId: 's',
          result: error ? ('error' as const) : ('ok' as const),
          outcome: error ? ('app_error' as const) : ('ok' as const),
          errorMessage: error ? 'boom' : null,
          latencyMs: 10 + Math.floor(rand() * 90),
          createdAt: new Date(asOf.getTime() - d * DAY - (i + 1) * 60_000),
        });
      }
    }
    return rows;
  };
  const good = () => (rand() < 0.6 ? 5 : 4);
  const noisy = () => 2 + Math.floor(rand() * 4);
  const bad = () => (rand() < 0.5 ? 1 : 2);

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await db.insert(users).values({ id: 'p1', name: 'P', email: 'p@mana.test', kind: 'persona' });
    await db.insert(personas).values({
      userId: 'p1',
      archetype: 'a',
      systemPrompt: 's',
      moduleMix: { todo: 1 },
      tickCadence: 'daily',
    });
    await db.insert(personaFeedback).values([
      // todo: steady 4–5 in both weeks.
      ...ratings('todo', [0, 14], 3, good),
      // notes: noisy 2–5 in both weeks, no change.
      ...ratings('notes', [0, 14], 3, noisy),
      // journal: good last week, bad this week.
      ...ratings('journal', [7, 14], 3, good),
      ...ratings('journal', [0, 7], 3, bad),
      // mood: a drop, but too few ratings to tell.
      ...ratings('mood', [7, 14], 1, good),
      ...ratings('mood', [0, 7], 1, bad),
    ]);
    await db.insert(personaActions).values([
      ...calls('todo.create', [0, 14], 6, 0.03),
      ...calls('todo.list', [0, 14], 6, 0.0),
      ...calls('journal.create_entry', [7, 14], 6, 0.03),
      ...calls('journal.create_entry', [0, 7], 6, 0.5),
      // a jump on a rarely used tool: too few calls.
      ...calls('mood.log', [7, 14], 1, 0),
      ...calls('mood.log', [0, 7], 1, 0.6),
    ]);
  });
  afterAll(() => database.close());

  it('flags the modules whose ratings dropped and the tool whose failures jumped, and nothing else', async () => {
    const analysis = await detectRegressions(database.db, defaultWindow(asOf));
    // Before outcome kinds this asserted a two-proportion z-test and a hand-picked minimum
    // of 10 ratings / 20 calls per window. Fisher's exact test replaces the z-test, and
    // the exact Mann–Whitney makes mood's 7 ratings a window (all 4–5, then all 1–2)
    // testable: Tarone finds its best possible p small enough, so it is flagged now.
    expect(analysis.alerts.map((a) => a.id).sort()).toEqual([
      'failure_rate:journal',
      'failure_rate:journal.create_entry',
      'rating_drop:journal',
      'rating_drop:mood',
    ]);
    const drop = analysis.alerts.find((a) => a.id === 'rating_drop:journal');
    expect(drop).toMatchObject({
      module: 'journal',
      test: 'mann-whitney-u',
      baseline: { count: 21 },
      recent: { count: 21 },
    });
    expect(drop?.p).toBeLessThan(0.001);
    expect(drop?.onset).toMatchObject({ method: 'mean-shift-scan', inRecentWindow: true });
    const jump = analysis.alerts.find((a) => a.id === 'failure_rate:journal.create_entry');
    expect(jump).toMatchObject({
      tool: 'journal.create_entry',
      module: 'journal',
      test: 'fisher-exact',
      baseline: { reached: 42, failures: 3 },
      recent: { reached: 42, failures: 13 },
    });
    // mood.log's 7 calls a window (0 → 4 failures) can never reach α/K: not tested.
    expect(analysis.family.byKind.failure_rate.significant).toBe(2);
    expect(analysis.tested).toEqual({ modules: 4, tools: 3 });
  });

  it('raises nothing when the windows look alike', async () => {
    const later = new Date(asOf.getTime() + 21 * DAY);
    expect((await detectRegressions(database.db, defaultWindow(later))).alerts).toEqual([]);
    // Only last week against the week before it, both before the drop: clean.
    const before = new Date(asOf.getTime() - 7 * DAY);
    expect((await detectRegressions(database.db, defaultWindow(before))).alerts).toEqual([]);
  });

  it('a smaller effect than the threshold is no alert, even when significant', async () => {
    const strict = await detectRegressions(database.db, defaultWindow(asOf), {
      ...DEFAULT_THRESHOLDS,
      minRatingDrop: 3.5,
      minFailureRateRise: 0.9,
    });
    expect(strict.alerts).toEqual([]);
    expect(strict.family.byKind.rating_drop.significant).toBe(2);
  });

  it('links an alert to its evidence: lowest ratings first, and the failed calls', async () => {
    const evidence = await alertEvidence(
      database.db,
      { kind: 'rating_drop', module: 'journal', tool: null },
      defaultWindow(asOf),
    );
    expect(evidence.ratings).toHaveLength(21);
    expect(evidence.total).toBe(21);
    expect(evidence.ratings[0]?.rating).toBe(1);
    expect(
      evidence.ratings.every((r) => r.persona === 'p@mana.test' && r.notes?.startsWith('note')),
    ).toBe(true);
    expect(evidence.actions.length).toBe(13);
    expect(
      evidence.actions.every((a) => a.tool === 'journal.create_entry' && a.errorMessage === 'boom'),
    ).toBe(true);
    // Paged: the next 10 ratings after the first 10.
    const page = await alertEvidence(
      database.db,
      { kind: 'rating_drop', module: 'journal', tool: null },
      defaultWindow(asOf),
      { limit: 10, offset: 10 },
    );
    expect(page.ratings.map((r) => r.rating)).toEqual(
      evidence.ratings.slice(10, 20).map((r) => r.rating),
    );
    expect(page.total).toBe(21);
  });

  it('reports daily trends, window means, error rates and latency percentiles', async () => {
    const trends = await moduleTrends(database.db, defaultWindow(asOf));
    const journal = trends.find((t) => t.module === 'journal');
    expect(journal?.daily).toHaveLength(14);
    expect(journal?.daily.every((d) => d.count === 3)).toBe(true);
    expect(journal?.change).toBeLessThan(-2);
    const stats = await toolStats(database.db, defaultWindow(asOf));
    const list = stats.find((s) => s.tool === 'todo.list');
    expect(list?.recent).toMatchObject({ calls: 42, errors: 0, errorRate: 0, failureRate: 0 });
    expect(list?.recent.latencyP50Ms).toBeGreaterThanOrEqual(10);
    expect(list?.recent.latencyP95Ms).toBeGreaterThanOrEqual(list?.recent.latencyP50Ms ?? 0);
  });
});
