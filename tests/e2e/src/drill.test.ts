// Its wall time is CPU: a simulated hour is ~0.5 s of CPU (~20 calls through the real
// gateway and database) and nothing sleeps — on a loaded box it waits on the run queue
// (measured with /proc/<pid>/schedstat: 16 s on CPU, 75 s runnable but not running).
import { createBrain } from '@mana/persona-runner';
import { formatDrill, pickKinds, runDrill } from '@mana/stack';
import { describe, expect, it } from 'vitest';
import { E2E_SECRETS, serverUrl } from './e2e-config';

// The drill suite's short form (`npm run drill` runs the full one): three regression
// kinds injected at one tool each on day 2 of a 4-day simulation; the report's detectors
// must name each tool within the 2 days after, and raise nothing outside their modules.
describe('drill (short form)', () => {
  it('flags each injected regression on its tool, and nothing outside the injected modules', async () => {
    const kinds = pickKinds(['latency', 'noop', 'tighten']);
    const result = await runDrill({
      kinds,
      seeds: 1,
      clean: 0,
      days: 4,
      onsetDay: 2,
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
      expect(k.daysToDetection, table).toBeLessThanOrEqual(2);
      // The onset estimate lands within a day of the true onset.
      expect(Math.abs(k.onsetErrorHours ?? 99), table).toBeLessThanOrEqual(24);
    }
    expect(result.score).toMatchObject({ flagged: 3, injected: 3, falseAlerts: 0 });
  }, 600_000);
});
