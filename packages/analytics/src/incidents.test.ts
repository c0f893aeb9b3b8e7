import { describe, expect, it } from 'vitest';
import type { RegressionAlert } from './alerts';
import { groupIncidents } from './incidents';

/** A minimal alert of `kind` on `tool` (or the module when tool is null), onset at `at`. */
function alert(
  kind: RegressionAlert['kind'],
  module: string,
  tool: string | null,
  at: string | null,
  signature?: string,
): RegressionAlert {
  const base = {
    id: `${kind}:${tool ?? module}${signature ? `:${signature.slice(0, 10).padEnd(10, '0')}` : ''}`,
    scope: tool ? ('tool' as const) : ('module' as const),
    module,
    tool,
    test: 'fisher-exact' as const,
    statistic: { name: 'x', value: 1 },
    z: null,
    p: 0.001,
    pMin: 0.0001,
    level: 0.01,
    summary: `${kind} ${tool ?? module}`,
    numbers: { baseline: 'b', recent: 'r' },
    onset: at
      ? { at, method: 'bernoulli-scan' as const, before: 0, after: 1, inRecentWindow: true }
      : null,
  };
  const win = { reached: 1, failures: 1, rate: 1, invalidInput: 0, invalidInputRate: 0 };
  switch (kind) {
    case 'failure_rate':
      return { ...base, kind, baseline: win, recent: win };
    case 'new_signature':
      return {
        ...base,
        kind,
        tool: tool ?? '',
        signature: signature ?? 'boom',
        example: `${signature ?? 'boom'} 42`,
        outcomes: ['app_error'],
        baseline: { calls: 1, occurrences: 0 },
        recent: { calls: 1, occurrences: 1 },
      };
    case 'rating_drop':
      return {
        ...base,
        kind,
        scope: 'module',
        baseline: { count: 1, mean: 4 },
        recent: { count: 1, mean: 2 },
      };
    case 'check_failures':
      return {
        ...base,
        kind,
        baseline: { checked: 1, failed: 0, rate: 0 },
        recent: { checked: 1, failed: 1, rate: 1 },
      };
    case 'latency':
      return {
        ...base,
        kind,
        tool: tool ?? '',
        baseline: { calls: 1, p50Ms: 1, p95Ms: 1 },
        recent: { calls: 1, p50Ms: 9, p95Ms: 9 },
      };
  }
}

describe('groupIncidents', () => {
  it('makes one incident of the ways one broken tool shows, led by the tool’s new error', () => {
    const alerts = [
      alert('rating_drop', 'notes', null, '2026-03-18T09:00:00.000Z'),
      alert('failure_rate', 'notes', null, '2026-03-18T06:00:00.000Z'),
      alert('failure_rate', 'notes', 'notes.create', '2026-03-18T05:00:00.000Z'),
      alert('new_signature', 'notes', 'notes.create', '2026-03-18T05:00:00.000Z', 'abcdef0123'),
    ];
    const incidents = groupIncidents(alerts);
    expect(incidents).toHaveLength(1);
    const [incident] = incidents;
    expect(incident?.alerts.map((a) => a.id)).toEqual(alerts.map((a) => a.id));
    expect(incident?.lead.kind).toBe('new_signature');
    expect(incident?.tools).toEqual(['notes.create']);
    expect(incident?.onset).toBe('2026-03-18T05:00:00.000Z');
    expect(incident?.id).toBe('notes@2026-03-18#abcdef0123');
    expect(incident?.signature?.text).toBe('abcdef0123');
  });

  it('keeps apart other modules, a second error class and onsets days apart', () => {
    const incidents = groupIncidents([
      alert('failure_rate', 'notes', 'notes.create', '2026-03-18T05:00:00.000Z'),
      alert('failure_rate', 'todo', 'todo.add', '2026-03-18T05:00:00.000Z'),
      alert('new_signature', 'notes', 'notes.create', '2026-03-18T05:00:00.000Z', 'aaaaaaaaaa'),
      alert('new_signature', 'notes', 'notes.edit', '2026-03-18T07:00:00.000Z', 'bbbbbbbbbb'),
      alert('latency', 'notes', 'notes.list', '2026-03-12T05:00:00.000Z'),
    ]);
    expect(incidents.map((i) => i.alerts.map((a) => a.id))).toEqual([
      ['failure_rate:notes.create', 'new_signature:notes.create:aaaaaaaaaa'],
      ['failure_rate:todo.add'],
      ['new_signature:notes.edit:bbbbbbbbbb'],
      ['latency:notes.list'],
    ]);
    expect(incidents[3]?.id).toBe('notes@2026-03-12');
  });

  it('puts an alert without an onset in its module’s first incident', () => {
    const incidents = groupIncidents([
      alert('rating_drop', 'notes', null, null),
      alert('failure_rate', 'notes', 'notes.create', '2026-03-18T05:00:00.000Z'),
    ]);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.lead.id).toBe('failure_rate:notes.create');
    expect(incidents[0]?.alerts[0]?.id).toBe('rating_drop:notes');
  });

  it('makes one incident of a module fault whose message names each tool', () => {
    const at = '2026-03-18T05:00:00.000Z';
    const text = (tool: string) => `internal error: ${tool} failed unexpectedly (request <n>)`;
    const incidents = groupIncidents([
      alert('new_signature', 'notes', 'notes.pin', at, text('notes.pin')),
      alert('new_signature', 'notes', 'notes.tag2', at, text('notes.tag<n>')),
      alert('failure_rate', 'notes', 'notes.pin', at),
      alert('failure_rate', 'notes', null, at),
      alert('new_signature', 'notes', 'notes.edit', at, 'internal error: disk full'),
    ]);
    expect(incidents.map((i) => i.alerts.length)).toEqual([4, 1]);
    expect(incidents[0]?.tools).toEqual(['notes.pin', 'notes.tag2']);
    expect(incidents[1]?.signature?.text).toBe('internal error: disk full');
  });
});
