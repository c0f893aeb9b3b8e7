import { describe, expect, it } from 'vitest';
import { parseRunnerEnv } from './env';

describe('parseRunnerEnv', () => {
  it('takes 100 personas at a time (issue 12: 100 llm persona-days in one runner)', () => {
    expect(parseRunnerEnv({ PERSONA_CONCURRENCY: '100' }).concurrency).toBe(100);
    expect(parseRunnerEnv({ PERSONA_CONCURRENCY: '256' }).concurrency).toBe(256);
  });

  it('refuses a concurrency past 256, naming the field', () => {
    expect(() => parseRunnerEnv({ PERSONA_CONCURRENCY: '257' })).toThrow(/PERSONA_CONCURRENCY/);
  });
});
