import { describe, expect, it } from 'vitest';
import { formatReport, runAttack } from './attack';

describe('issue 10: the attack suite, bounded (npm run attack for a larger run)', () => {
  it('every fuzzed input, forged token and cross-space probe is answered cleanly', async () => {
    const report = await runAttack({
      seed: 10,
      validPerTool: 1,
      hostilePerTool: 2,
      probesPerField: 1,
    });
    process.stdout.write(`${formatReport(report)}\n`);
    expect(report.fuzz.tried).toBeGreaterThanOrEqual(78 * 3);
    expect(report.tokens.tried).toBe(9);
    expect(report.probes.tried).toBeGreaterThan(20);
    expect(report.problems).toEqual([]);
    expect(report.probes.crossSpace).toBe(0);
    // A few hundred calls plus two services starting: seconds when idle, more on a
    // machine shared by many test workers.
  }, 180_000);
});
