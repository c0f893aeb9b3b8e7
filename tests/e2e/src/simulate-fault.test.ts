import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '@mana/analytics';
import { createDatabase } from '@mana/db';
import { simulate } from '@mana/stack';
import { parseFaults } from '@mana/tool-registry';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_SECRETS, scriptedBrain } from './e2e-config';

// The module-level `--fault` switch, end to end: simulate six days, a module failing
// from day 3, then the report. PGlite only (see PGLITE_ONLY in vitest.config.ts): the
// drill's short form and the PostgreSQL runs of the rest cover the same SQL.
const START = new Date('2026-11-16T00:00:00Z'); // a Monday

describe('npm run simulate with a module fault', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('a fault switched on midway is flagged, with its evidence, and nothing else is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mana-sim-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const summary = await simulate({
      ...E2E_SECRETS,
      databaseUrl: `file:${dir}`,
      days: 6,
      seed: 3,
      brain: scriptedBrain(3),
      start: START,
      faults: parseFaults('notes:errors=0.7'),
      faultFromDay: 3,
    });
    expect(summary.faults).toEqual({
      spec: 'notes:errors=0.7,latency=0',
      from: '2026-11-19T00:00:00.000Z',
    });
    const handle = await createDatabase(`file:${dir}`);
    try {
      const report = await buildReport(handle.db, { now: new Date(summary.end), sinceDays: 3 });
      expect(report.alerts.length).toBeGreaterThan(0);
      expect(report.alerts.map((a) => a.module)).toEqual(report.alerts.map(() => 'notes'));
      expect(report.alerts.some((a) => a.kind === 'rating_drop')).toBe(true);
      const first = report.alerts[0];
      expect(first?.evidence.calls.length ?? 0).toBeGreaterThan(0);
      expect(first?.evidence.calls[0]?.errorMessage).toMatch(/failed unexpectedly/);
      // A clean run of the same days raises nothing.
      const calm = await buildReport(handle.db, {
        now: new Date('2026-11-19T00:00:00Z'),
        sinceDays: 1.5,
      });
      expect(calm.alerts).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 300_000);
});
