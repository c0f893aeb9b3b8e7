// NOT YET IN THE SUITE: rename to drill.test.ts once it has passed on a quiet box (it timed
// out twice at 300 s / 900 s wall on a 2-core box under load 30, with ~45 s of CPU used).
import { createBrain } from '@mana/persona-runner';
import { formatDrill, pickKinds, runDrill } from '@mana/stack';
import { describe, expect, it } from 'vitest';
import { E2E_SECRETS, serverUrl } from './e2e-config';

// The drill suite's short form (`npm run drill` runs the full one): three regression
// kinds injected at one tool each on day 3 of a 6-day simulation; the report's detectors
// must name each tool within the 3 days after, and raise nothing outside their modules.
describe('drill (short form)', () => {
  it('flags each injected regression on its tool, and nothing outside the injected modules', async () => {
    const kinds = pickKinds(['latency', 'noop', 'tighten']);
    const result = await runDrill({
      kinds,
      seeds: 1,
      clean: 0,
      days: 6,
      onsetDay: 3,
      firstSeed: 5,
      databaseUrl: serverUrl(),
      brainFor: (seed) => {
        const brain = createBrain({ brain: 'scripted', scriptedSeed: seed, processEnv: {} });
        if (!brain) throw new Error('no scripted brain');
        return brain;
      },
      secrets: E2E_SECRETS,
    });
    const [run] = result.runs;
    const table = formatDrill(result).join('\n');
    expect(
      run?.kinds.map((k) => [k.kind, k.tool, k.flagged]),
      table,
    ).toEqual(kinds.map((k) => [k.kind, k.tool, 'tool']));
    expect(run?.falseAlerts, table).toEqual([]);
    for (const k of run?.kinds ?? []) {
      expect(k.daysToDetection, table).toBeLessThanOrEqual(3);
      // The onset estimate lands within a day of the true onset.
      expect(Math.abs(k.onsetErrorHours ?? 99), table).toBeLessThanOrEqual(24);
    }
    expect(result.score).toMatchObject({ flagged: 3, injected: 3, falseAlerts: 0 });
  }, 300_000);
});
