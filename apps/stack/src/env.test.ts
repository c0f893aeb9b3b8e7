import { parseAuthEnv } from '@mana/auth';
import { parseConsoleEnv } from '@mana/console';
import { DEV_AUTH_SECRET, DEV_PERSONA_SEED_SECRET, DEV_SERVICE_KEY } from '@mana/contracts';
import { parseMcpEnv } from '@mana/mcp';
import { parseRunnerEnv } from '@mana/persona-runner';
import { describe, expect, it } from 'vitest';
import { parseStackEnv } from './env';

const strong = {
  MANA_SERVICE_KEY: 's'.repeat(32),
  BETTER_AUTH_SECRET: 'b'.repeat(32),
  PERSONA_SEED_SECRET: 'p'.repeat(32),
  PUBLIC_URL: 'https://auth.example.com',
};

/** Every deployable's env parser: each must apply the production secret rule. */
const PARSERS: [string, (source: Record<string, string | undefined>) => unknown][] = [
  ['identity', parseAuthEnv],
  ['gateway', parseMcpEnv],
  ['runner', parseRunnerEnv],
  ['console', parseConsoleEnv],
  ['stack', parseStackEnv],
];

describe('production secrets', () => {
  it('item 7: every service refuses the dev service key, dev seed secret and short secrets', () => {
    const weak: [string, string][] = [
      ['MANA_SERVICE_KEY', DEV_SERVICE_KEY],
      ['MANA_SERVICE_KEY', 'ab'],
      ['PERSONA_SEED_SECRET', DEV_PERSONA_SEED_SECRET],
      ['PERSONA_SEED_SECRET', 'short-seed'],
      ['BETTER_AUTH_SECRET', DEV_AUTH_SECRET],
    ];
    let refused = 0;
    for (const [name, parse] of PARSERS) {
      expect(() => parse({ NODE_ENV: 'production', ...strong }), name).not.toThrow();
      for (const [key, value] of weak) {
        const source = { NODE_ENV: 'production', ...strong, [key]: value };
        let error: unknown;
        try {
          parse(source);
        } catch (caught) {
          error = caught;
        }
        // A service that does not read the variable ignores it; one that does names it.
        if (error === undefined) continue;
        expect(String(error), `${name} ${key}`).toMatch(new RegExp(`${key}: `));
        refused++;
      }
    }
    // identity: 2 keys + auth secret; gateway: 2 keys; runner: 2 keys + 2 seeds;
    // console: 2 keys; stack: all 5.
    expect(refused).toBe(3 + 2 + 4 + 2 + 5);
  });
});

describe('npm start', () => {
  it('item 6: honours JWT_EXPIRES_IN', () => {
    expect(parseStackEnv({ JWT_EXPIRES_IN: '5s' }).jwtExpiresIn).toBe('5s');
    expect(parseStackEnv({}).jwtExpiresIn).toBe('1h');
  });

  it('reads PERSONA_TOKEN_EXPIRES_IN as seconds (default 7 days) and names it when bad', () => {
    expect(parseStackEnv({}).personaTokenSeconds).toBe(7 * 86_400);
    expect(parseStackEnv({ PERSONA_TOKEN_EXPIRES_IN: '90m' }).personaTokenSeconds).toBe(5400);
    expect(() => parseStackEnv({ PERSONA_TOKEN_EXPIRES_IN: '1 week' })).toThrow(
      /PERSONA_TOKEN_EXPIRES_IN/,
    );
  });
});
