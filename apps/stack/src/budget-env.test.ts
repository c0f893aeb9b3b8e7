import { parseConsoleEnv } from '@mana/console';
import { parseRunnerEnv } from '@mana/persona-runner';
import { describe, expect, it } from 'vitest';

// Issue 12 item 5: the daily budgets are runner settings the console reads too.
describe('budget settings', () => {
  it('are off when unset or empty, and parsed when set', () => {
    expect(parseRunnerEnv({}).budget).toEqual({});
    expect(
      parseRunnerEnv({ PERSONA_DAILY_TOKEN_BUDGET: '', DAILY_COST_CAP_USD: '' }).budget,
    ).toEqual({});
    const source = { PERSONA_DAILY_TOKEN_BUDGET: '200000', DAILY_COST_CAP_USD: '2.5' };
    expect(parseRunnerEnv(source).budget).toEqual({
      personaDailyTokens: 200_000,
      dailyCostUsd: 2.5,
    });
    expect(parseConsoleEnv(source).budget).toEqual({
      personaDailyTokens: 200_000,
      dailyCostUsd: 2.5,
    });
  });

  it.each([
    ['PERSONA_DAILY_TOKEN_BUDGET', '0'],
    ['PERSONA_DAILY_TOKEN_BUDGET', '1.5'],
    ['PERSONA_DAILY_TOKEN_BUDGET', 'lots'],
    ['PERSONA_DAILY_TOKEN_BUDGET', '3000000000'],
    ['DAILY_COST_CAP_USD', '-1'],
    ['DAILY_COST_CAP_USD', '0'],
    ['DAILY_COST_CAP_USD', '$5'],
  ])('refuse %s=%s, naming the setting', (name, value) => {
    for (const parse of [parseRunnerEnv, parseConsoleEnv]) {
      expect(() => parse({ [name]: value })).toThrow(new RegExp(`${name}: `));
    }
  });
});
