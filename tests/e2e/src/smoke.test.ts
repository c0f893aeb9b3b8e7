import { createBrain } from '@mana/persona-runner';
import { runSmoke } from '@mana/stack';
import { describe, expect, it } from 'vitest';
import { E2E_SECRETS, serverUrl } from './e2e-config';

describe('npm run smoke (the exit gate), scripted brain', () => {
  it('runs every due persona on a fresh database: each acts and rates', async () => {
    const lines: string[] = [];
    const brain = createBrain({ brain: 'scripted', scriptedSeed: 1, processEnv: {} });
    if (!brain) throw new Error('no scripted brain');
    const report = await runSmoke({
      ...E2E_SECRETS,
      serverUrl: serverUrl(),
      brain,
      out: (l) => lines.push(l),
    });
    expect(report.problems, lines.join('\n')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.result?.due).toBeGreaterThanOrEqual(6);
    expect(report.result?.ranSuccessfully).toBe(report.result?.due);
    const personas = new Set(report.actions.map((a) => a.persona));
    expect(personas.size).toBe(report.result?.due);
    expect(new Set(report.feedback.map((f) => f.persona)).size).toBe(report.result?.due);
    expect(lines.some((l) => l.startsWith('latest actions ('))).toBe(true);
    expect(lines.some((l) => l.startsWith('ratings ('))).toBe(true);
  }, 120_000);
});
