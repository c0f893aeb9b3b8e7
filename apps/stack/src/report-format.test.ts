import { DEFAULT_THRESHOLDS, type OperatorReport, type WindowCounts } from '@mana/analytics';
import type { ConsistencyRun } from '@mana/contracts';
import { describe, expect, it } from 'vitest';
import { formatReport, sparkline } from './report-format';

const counts = (over: Partial<WindowCounts>): WindowCounts => ({
  calls: 0,
  personas: 1,
  errors: 0,
  invalidInput: 0,
  reached: 0,
  failures: 0,
  checked: 0,
  checkFailed: 0,
  latencyP50Ms: null,
  latencyP95Ms: null,
  ...over,
});

const call = {
  at: '2026-11-13T08:14:00.000Z',
  persona: 'persona.kai@mana.test',
  personaId: 'u-kai',
  tickId: 't-42',
  seq: 3,
  tool: 'notes.create',
  module: 'notes',
  result: 'error',
  outcome: 'app_error' as const,
  errorMessage: 'Internal error: notes.create failed unexpectedly',
  errorSignature: 'internal error: notes.create failed unexpectedly',
  latencyMs: 40,
  checkStatus: null,
  checkExpected: null,
  checkSeen: null,
  checkBy: null,
};

const byKind = { hypotheses: 10, eligible: 4, significant: 0, alerts: 0 };
const report: OperatorReport = {
  asOf: '2026-11-16T00:00:00.000Z',
  window: { recentDays: 7, baselineDays: 7 },
  thresholds: DEFAULT_THRESHOLDS,
  personas: [],
  modules: [],
  tools: [],
  tested: { modules: 1, tools: 2 },
  family: {
    alpha: 0.05,
    hypotheses: 53,
    k: 20,
    eligible: 20,
    level: 0.0025,
    byKind: {
      failure_rate: { ...byKind, significant: 1, alerts: 1 },
      new_signature: byKind,
      latency: byKind,
      check_failures: byKind,
      rating_drop: byKind,
    },
  },
  alerts: [
    {
      id: 'failure_rate:notes.create',
      kind: 'failure_rate',
      scope: 'tool',
      module: 'notes',
      tool: 'notes.create',
      test: 'fisher-exact',
      statistic: { name: 'recent failures', value: 24 },
      z: null,
      p: 4.4e-6,
      pMin: 1e-12,
      level: 0.0025,
      summary: 'notes.create: 48.0 % of calls fail (24/50), up from 0.0 % (0/48)',
      numbers: {
        baseline: '0 of 48 calls failed (0.0 %)',
        recent: '24 of 50 calls failed (48.0 %)',
      },
      onset: {
        at: '2026-11-12T08:13:00.000Z',
        method: 'bernoulli-scan',
        before: 0.004,
        after: 0.48,
        inRecentWindow: true,
      },
      baseline: { reached: 48, failures: 0, rate: 0, invalidInput: 2, invalidInputRate: 0.04 },
      recent: { reached: 50, failures: 24, rate: 0.48, invalidInput: 1, invalidInputRate: 0.02 },
      evidence: { total: 24, calls: [call], ratings: [] },
    },
  ],
  coverage: {
    level: 0.0025,
    power: 0.8,
    modules: [],
    tools: [
      {
        scope: 'tool',
        module: 'notes',
        tool: 'notes.create',
        baseline: counts({ calls: 50, reached: 48, invalidInput: 2 }),
        recent: counts({ calls: 51, reached: 50, failures: 24, invalidInput: 1, checked: 4 }),
        callsByPersona: [],
        detectable: {
          failureRate: { baseline: 0, detectable: 0.16, rise: 0.16 },
          checkFailureRate: null,
          latencyRatio: 2.1,
          ratingDrop: null,
          ratingsNeeded: null,
        },
      },
    ],
    blindSpots: [
      {
        kind: 'failures',
        module: 'dreams',
        tool: 'dreams.create',
        samples: { baseline: 2, recent: 2 },
        needed: 50,
        reason:
          '2 calls in the recent window and 2 in the baseline reached the app: not even 100 % failures would show',
      },
    ],
  },
  consistency: null,
};

const figures = {
  ratedDays: 4,
  ratingMean: 3.5,
  ratingSd: 0,
  ratingRange: 0,
  checkedDays: 4,
  passK: 1,
  passAtK: 1,
};
const consistencyRun: ConsistencyRun = {
  id: 7,
  startedAt: '2026-11-16T09:00:00.000Z',
  finishedAt: '2026-11-16T09:04:00.000Z',
  k: 3,
  seed: 11,
  days: 2,
  brain: 'scripted',
  personaCount: 2,
  personaDays: 4,
  simulatedFrom: '2026-11-14T00:00:00.000Z',
  simulatedTo: '2026-11-16T00:00:00.000Z',
  faults: null,
  overall: { ...figures, ratedDays: 8, checkedDays: 8, passK: 0.5, passAtK: 1 },
  rows: [
    { persona: 'persona.anna@mana.test', module: 'todo', ...figures },
    {
      persona: 'persona.kai@mana.test',
      module: 'notes',
      ...figures,
      ratingSd: 0.943,
      ratingRange: 2,
      passK: 0,
    },
  ],
};

describe('formatReport', () => {
  const text = formatReport(report).join('\n');

  it('groups alerts by module, with test, p against its level, onset and evidence', () => {
    expect(text).toContain(
      'Alerts (1; 53 tests, 20 could reach significance (Tarone K = 20, α/K = 2.5e-3)):',
    );
    expect(text).toContain(
      '  notes\n  ! notes.create: 48.0 % of calls fail (24/50), up from 0.0 % (0/48)',
    );
    expect(text).toContain(
      "failure rate · Fisher's exact, recent failures = 24, p = 4.4e-6 ≤ 2.5e-3 · since about 2026-11-12 08:13: 0.4 % → 48.0 %",
    );
    expect(text).toContain(
      '✗ 2026-11-13 08:14 notes.create persona.kai@mana.test (t-42#3): app_error: Internal error',
    );
    expect(text).toContain('… 23 more in the recent window');
  });

  it('lists the blind spots with their reasons, and what each tool could detect', () => {
    expect(text).toContain(
      'Blind spots: regressions this report could not have seen (80 % power at α/K;',
    );
    expect(text).toContain('  30 % failures (1):       dreams.create 2/2→50');
    expect(text).toMatch(/notes\.create\s+51\s+1\s+24\s+48\.0%\s+0\.0%\s+0\/4 .*16\.0%\s+×2\.1/);
  });

  it('says a blind spot shared by every write tool once, and wraps long lists', () => {
    const spot = report.coverage.blindSpots[0] as OperatorReport['coverage']['blindSpots'][number];
    const many = Array.from({ length: 30 }, (_, i) => ({
      ...spot,
      kind: 'silent_write' as const,
      tool: `tool${i}.write`,
      reason: i < 25 ? 'no call was checked (a persona never looked again)' : 'too few',
    }));
    const lines = formatReport({
      ...report,
      coverage: { ...report.coverage, blindSpots: many },
    });
    const block = lines.filter((l) => l.startsWith('  silent writes') || l.startsWith('        '));
    expect(block[0]).toMatch(/^ {2}silent writes \(30\): {6}tool25\.write 2\/2→50, tool26/);
    expect(block.join(' ')).toContain('25 never checked');
    expect(lines.every((l) => l.length <= 100 || !l.includes('never checked'))).toBe(true);
  });

  it('says so when nothing fires', () => {
    const calm = formatReport({ ...report, alerts: [] }).join('\n');
    expect(calm).toContain('Alerts: none (53 tests, 20 could reach significance');
  });

  it('shows the latest consistency run: when, k, and per persona and module its spread and pass^k, flagged', () => {
    expect(text).not.toContain('Consistency');
    const lines = formatReport({ ...report, consistency: consistencyRun });
    const at = lines.findIndex((l) => l.startsWith('Consistency'));
    expect(lines[at]).toBe(
      'Consistency (run #7, 2026-11-16 09:04 UTC): 3 tries of 2 days with the scripted brain, seed 11; 2 personas, 4 persona-days a try, simulated 2026-11-14 00:00 → 2026-11-16 00:00',
    );
    const section = lines.slice(at).join('\n');
    expect(section).toMatch(/pass\^3/);
    expect(section).toMatch(
      /persona\.anna@mana\.test\s+todo\s+4\s+3\.50\s+0\.00\s+0\s+4\s+100%\s+100%$/m,
    );
    expect(section).toMatch(
      /persona\.kai@mana\.test\s+notes\s+4\s+3\.50\s+0\.94\s+2\s+4\s+0%\s+100%\s+! pass\^k ~ spread$/m,
    );
    expect(section).toMatch(/^\s+all\s+8\s+3\.50 .*50%\s+100%\s+! pass\^k$/m);
  });

  it('draws ratings as blocks', () => {
    expect(sparkline([1, 3, 5])).toBe('▁▅█');
  });
});
