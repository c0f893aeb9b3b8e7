import { describe, expect, it } from 'vitest';
import type { RegressionAlert } from './alerts';
import { holmSignificant } from './family-wise';
import { allHypotheses, findRegressions } from './find-regressions';
import { rng, syntheticData, type ToolSpec } from './testing/synthetic';
import { DEFAULT_THRESHOLDS } from './thresholds';

const th = DEFAULT_THRESHOLDS;
const ids = (alerts: RegressionAlert[]) => alerts.map((a) => a.id).sort();
const steady = (tool: string, calls = 60): ToolSpec => ({
  tool,
  baseline: { calls, failures: 1 },
  recent: { calls, failures: 1 },
});

describe('failure rate (Fisher)', () => {
  it('3/17 → 15/17 on one tool is flagged, for the tool and its module', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'todo.create',
          baseline: { calls: 17, failures: 3 },
          recent: { calls: 17, failures: 15 },
        },
        steady('notes.list'),
      ],
    });
    const { alerts } = findRegressions(data, th);
    expect(ids(alerts)).toEqual(['failure_rate:todo', 'failure_rate:todo.create']);
    const a = alerts.find((x) => x.id === 'failure_rate:todo.create');
    expect(a).toMatchObject({
      kind: 'failure_rate',
      scope: 'tool',
      test: 'fisher-exact',
      statistic: { name: 'recent failures', value: 15 },
      baseline: { reached: 17, failures: 3, rate: 0.176 },
      recent: { reached: 17, failures: 15, rate: 0.882 },
    });
    expect(a?.p).toBeCloseTo(4.3017540465759e-5, 15);
    expect(a?.p).toBeLessThanOrEqual(a?.level ?? 0);
    expect(a?.summary).toContain('88.2 %');
  });

  it('a zero baseline: 0/40 → 12/40 is flagged', () => {
    const data = syntheticData({
      tools: [{ tool: 'habits.log', baseline: { calls: 40 }, recent: { calls: 40, failures: 12 } }],
    });
    const alert = findRegressions(data, th).alerts.find((a) => a.id === 'failure_rate:habits.log');
    expect(alert?.p).toBeCloseTo(9.2733e-5, 8);
  });

  it('refused inputs are not failures: 0 → 30 invalid_input of 40 raises no failure alert', () => {
    const data = syntheticData({
      tools: [
        { tool: 'todo.create', baseline: { calls: 40 }, recent: { calls: 40, invalidInput: 30 } },
      ],
    });
    const { alerts } = findRegressions(data, th);
    expect(alerts).toEqual([]);
    const h = allHypotheses(data, th).find((x) => x.draft.id === 'failure_rate:todo.create');
    expect(h?.draft).toMatchObject({
      recent: { reached: 10, failures: 0, invalidInput: 30, invalidInputRate: 0.75 },
    });
  });

  it('identical windows, all zero, and a fall raise nothing', () => {
    const data = syntheticData({
      tools: [
        { tool: 'a.x', baseline: { calls: 50, failures: 5 }, recent: { calls: 50, failures: 5 } },
        { tool: 'b.x', baseline: { calls: 50 }, recent: { calls: 50 } },
        { tool: 'c.x', baseline: { calls: 50, failures: 20 }, recent: { calls: 50, failures: 2 } },
        { tool: 'd.x', baseline: { calls: 0 }, recent: { calls: 0 } },
      ],
    });
    const f = findRegressions(data, th);
    expect(f.alerts).toEqual([]);
    // b.x (no failure at all) and d.x (no calls) cannot reach any level: pMin = 1.
    const pMins = allHypotheses(data, th)
      .filter((h) => h.draft.kind === 'failure_rate' && ['b.x', 'd.x'].includes(h.draft.tool ?? ''))
      .map((h) => h.pMin);
    expect(pMins).toEqual([1, 1]);
  });

  it('a tool with 2 calls failing 100 % cannot be tested: no alert', () => {
    const data = syntheticData({
      tools: [
        { tool: 'dreams.create', baseline: { calls: 2 }, recent: { calls: 2, failures: 2 } },
        steady('todo.list'),
      ],
    });
    const f = findRegressions(data, th);
    expect(f.alerts).toEqual([]);
    const h = allHypotheses(data, th).find((x) => x.draft.id === 'failure_rate:dreams.create');
    expect(h?.pMin).toBeCloseTo(1 / 6, 12);
    expect(h?.pMin).toBeGreaterThan(f.family.level);
  });

  it('significant but below the minimum effect (1 % → 3 % on 20 000 calls) is no alert', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'todo.list',
          baseline: { calls: 20_000, failures: 200 },
          recent: { calls: 20_000, failures: 600 },
        },
      ],
    });
    const f = findRegressions(data, th);
    expect(f.family.byKind.failure_rate.significant).toBe(2);
    expect(f.alerts).toEqual([]);
  });
});

describe('new error signatures', () => {
  const tools = [steady('todo.create', 30)];

  it('a new signature in 6 recent calls (30 before, none with it) is flagged, invalid input included', () => {
    const data = syntheticData({
      tools: [
        { tool: 'todo.create', baseline: { calls: 30 }, recent: { calls: 6, invalidInput: 6 } },
      ],
      signatures: [
        {
          tool: 'todo.create',
          signature: 'title must be at most <n> characters',
          baseline: 0,
          recent: 6,
          outcomes: ['invalid_input'],
        },
      ],
    });
    const [alert] = findRegressions(data, th).alerts;
    expect(alert).toMatchObject({
      kind: 'new_signature',
      tool: 'todo.create',
      test: 'conditional-binomial',
      signature: 'title must be at most <n> characters',
      outcomes: ['invalid_input'],
      baseline: { calls: 30, occurrences: 0 },
      recent: { calls: 6, occurrences: 6 },
    });
    expect(alert?.p).toBeCloseTo((6 / 36) ** 6, 15);
    expect(alert?.id).toMatch(/^new_signature:todo\.create:[0-9a-f]{10}$/);
    expect(alert?.summary).toContain('new invalid input');
  });

  it('a refusal the baseline had now and then, refusing most calls now, is flagged (a tightened limit)', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'journal.create_entry',
          baseline: { calls: 40, invalidInput: 3 },
          recent: { calls: 36, invalidInput: 30 },
        },
      ],
      signatures: [
        {
          tool: 'journal.create_entry',
          signature:
            'invalid input for journal.create_entry: body (must be at most <n> characters)',
          baseline: 3,
          recent: 30,
          outcomes: ['invalid_input'],
        },
      ],
    });
    const [alert] = findRegressions(data, th).alerts;
    expect(alert).toMatchObject({ kind: 'new_signature', tool: 'journal.create_entry' });
    expect(alert?.summary).toContain('more invalid input');
    expect(alert?.summary).toContain('up from 3 of 40 calls');
  });

  it('a signature at the same share as before is no alert, however many times it shows', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'journal.create_entry',
          baseline: { calls: 400, invalidInput: 40 },
          recent: { calls: 400, invalidInput: 44 },
        },
      ],
      signatures: [
        { tool: 'journal.create_entry', signature: 'too long', baseline: 40, recent: 44 },
      ],
    });
    expect(findRegressions(data, th).alerts).toEqual([]);
  });

  it('once, or a signature the baseline had, is nothing', () => {
    const data = syntheticData({
      tools,
      signatures: [
        { tool: 'todo.create', signature: 'once', baseline: 0, recent: 1 },
        { tool: 'todo.create', signature: 'old', baseline: 1, recent: 1 },
      ],
    });
    expect(findRegressions(data, th).alerts).toEqual([]);
  });
});

describe('latency (Mann–Whitney)', () => {
  const base = [20, 22, 19, 25, 21, 23, 20, 24, 22, 21];

  it('×4 on 10 calls each is flagged with its percentiles', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'notes.search',
          baseline: { calls: 10 },
          recent: { calls: 10 },
          latencies: { baseline: base, recent: base.map((v) => v * 4) },
        },
      ],
    });
    const [alert] = findRegressions(data, th).alerts;
    expect(alert).toMatchObject({
      kind: 'latency',
      test: 'mann-whitney-u',
      statistic: { name: 'U', value: 100 },
      baseline: { calls: 10, p50Ms: 22 },
      recent: { calls: 10, p50Ms: 86 },
    });
    expect(alert?.p).toBeCloseTo(1 / 184756, 12);
  });

  it('machine-noise jitter is no alert, even when significant', () => {
    const rand = rng(7);
    const jitter = (n: number, lo: number, spread: number) =>
      Array.from({ length: n }, () => Math.round(lo + rand() * spread));
    const data = syntheticData({
      tools: [
        {
          tool: 'notes.list',
          baseline: { calls: 300 },
          recent: { calls: 300 },
          // A busier machine: +25 % and a longer tail, but a few ms.
          latencies: { baseline: jitter(300, 15, 10), recent: jitter(300, 18, 14) },
        },
        {
          tool: 'notes.search',
          baseline: { calls: 300 },
          recent: { calls: 300 },
          latencies: { baseline: jitter(300, 40, 30), recent: jitter(300, 40, 30) },
        },
      ],
    });
    const f = findRegressions(data, th);
    expect(f.family.byKind.latency.significant).toBe(1);
    expect(f.alerts).toEqual([]);
  });

  // A 14-day simulation on a machine whose load rose from 20 to 35 raised nine "slower"
  // incidents: every tool had slowed alike.
  const tools = ['notes.list', 'notes.search', 'todo.list', 'todo.create', 'goals.list'];
  const slow = [...base, ...base, ...base, ...base].map((v) => v * 5); // p50 ≈ 110 ms
  const slowed = (factors: Record<string, number>) =>
    syntheticData({
      tools: tools.map((tool) => ({
        tool,
        baseline: { calls: 40 },
        recent: { calls: 40 },
        latencies: {
          baseline: slow,
          recent: slow.map((v) => v * (factors[tool] ?? 1)),
        },
      })),
    });

  it('every tool ×3 at once is the machine, not a regression: no alert', () => {
    const factors = Object.fromEntries(tools.map((t) => [t, 3]));
    expect(findRegressions(slowed(factors), th).alerts).toEqual([]);
  });

  it('one tool ×8 while every tool got ×2 slower is still flagged, the drift named', () => {
    const factors = { ...Object.fromEntries(tools.map((t) => [t, 2])), 'goals.list': 8 };
    const alerts = findRegressions(slowed(factors), th).alerts;
    expect(ids(alerts)).toEqual(['latency:goals.list']);
    expect(alerts[0]?.summary).toContain('every tool ×2.0 (judged against that)');
  });

  it('one tool ×4 among steady ones is flagged as before (no drift)', () => {
    const alerts = findRegressions(slowed({ 'todo.list': 4 }), th).alerts;
    expect(ids(alerts)).toEqual(['latency:todo.list']);
    expect(alerts[0]?.summary).not.toContain('every tool');
  });
});

describe('failed checks and ratings', () => {
  it('checks going 0/20 → 8/20 failed are flagged; 3 checked calls are not testable', () => {
    const data = syntheticData({
      tools: [
        {
          tool: 'todo.create',
          baseline: { calls: 25, checked: 20 },
          recent: { calls: 25, checked: 20, checkFailed: 8 },
        },
        {
          tool: 'mood.log',
          baseline: { calls: 3, checked: 3 },
          recent: { calls: 3, checked: 3, checkFailed: 3 },
        },
      ],
    });
    const { alerts } = findRegressions(data, th);
    expect(ids(alerts)).toEqual(['check_failures:todo', 'check_failures:todo.create']);
    expect(alerts[0]).toMatchObject({ recent: { checked: 20, failed: 8, rate: 0.4 } });
  });

  it('a rating drop with ties is flagged; identical ratings are not', () => {
    const data = syntheticData({
      tools: [],
      ratings: {
        journal: {
          baseline: [5, 4, 5, 4, 5, 5, 4, 5, 4, 5],
          recent: [2, 1, 2, 3, 1, 2, 2, 1, 3, 2],
        },
        todo: { baseline: [4, 4, 5, 4, 3, 4], recent: [4, 4, 5, 4, 3, 4] },
        mood: { baseline: [4, 4, 4], recent: [4, 4, 4] },
      },
    });
    const { alerts } = findRegressions(data, th);
    expect(ids(alerts)).toEqual(['rating_drop:journal']);
    expect(alerts[0]).toMatchObject({
      baseline: { count: 10, mean: 4.6 },
      recent: { count: 10, mean: 1.9 },
    });
  });
});

describe('one family under Tarone', () => {
  it('untestable tests do not dilute α: found here, missed by Holm over all', () => {
    const tiny = Array.from(
      { length: 150 },
      (_, i): ToolSpec => ({
        tool: `m${i}.x`,
        baseline: { calls: 2 },
        recent: { calls: 2, failures: 1 },
      }),
    );
    const data = syntheticData({
      tools: [
        ...tiny,
        // p ≈ 2.4e-4: below α/K with K small, above α/m for m ≈ 600.
        {
          tool: 'todo.create',
          baseline: { calls: 60, failures: 2 },
          recent: { calls: 60, failures: 14 },
        },
      ],
    });
    const hs = allHypotheses(data, th);
    const f = findRegressions(data, th);
    expect(f.family.hypotheses).toBe(hs.length);
    expect(f.family.hypotheses).toBeGreaterThan(600);
    expect(f.family.k).toBeLessThan(5);
    expect(ids(f.alerts)).toContain('failure_rate:todo.create');
    const i = hs.findIndex((h) => h.draft.id === 'failure_rate:todo.create');
    expect(
      holmSignificant(
        hs.map((h) => h.p),
        th.alpha,
      )[i],
    ).toBe(false);
  });
});
