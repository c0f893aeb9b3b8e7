import { describe, expect, it } from 'vitest';
import { parseAuthEnv, parseLoginLimitEnv } from './env';

describe('parseAuthEnv', () => {
  it('runs with no configuration outside production, on development defaults', () => {
    const env = parseAuthEnv({});
    expect(env).toMatchObject({ port: 3001, serviceKeyIsDefault: true, nodeEnv: 'development' });
    expect(env.serviceKey).toBeTruthy();
  });

  it('refuses to start in production without a service key, naming what is missing', () => {
    expect(() =>
      parseAuthEnv({
        NODE_ENV: 'production',
        BETTER_AUTH_SECRET: 'x'.repeat(32),
        PUBLIC_URL: 'https://id.example.com',
      }),
    ).toThrow(/MANA_SERVICE_KEY: required in production/);
    expect(() =>
      parseAuthEnv({
        NODE_ENV: 'production',
        MANA_SERVICE_KEY: '',
        BETTER_AUTH_SECRET: 'x'.repeat(32),
        PUBLIC_URL: 'https://id.example.com',
      }),
    ).toThrow(/MANA_SERVICE_KEY/);
    const env = parseAuthEnv({
      NODE_ENV: 'production',
      MANA_SERVICE_KEY: 'k'.repeat(32),
      BETTER_AUTH_SECRET: 'x'.repeat(32),
      PUBLIC_URL: 'https://id.example.com',
    });
    expect(env.serviceKeyIsDefault).toBe(false);
  });

  it('lists the MCP resources OAuth tokens may be issued for', () => {
    expect(parseAuthEnv({}).oauthResources).toEqual(['http://127.0.0.1:3069/mcp']);
    expect(
      parseAuthEnv({ MCP_RESOURCE_URL: 'https://mcp.example.com/mcp, http://127.0.0.1:4000/mcp' })
        .oauthResources,
    ).toEqual(['https://mcp.example.com/mcp', 'http://127.0.0.1:4000/mcp']);
    expect(() => parseAuthEnv({ MCP_RESOURCE_URL: 'not a url' })).toThrow(/MCP_RESOURCE_URL/);
  });

  it('names a bad port', () => {
    expect(() => parseAuthEnv({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reads the login limiter settings with defaults; TRUST_PROXY is off unless set', () => {
    expect(parseAuthEnv({}).login).toEqual({
      loginLimits: {
        maxFailuresPerAccount: 10,
        maxFailuresPerAddress: 100,
        windowSeconds: 900,
        blockSeconds: 900,
      },
      trustedProxies: 0,
    });
    const env = parseLoginLimitEnv({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
      LOGIN_BLOCK_SECONDS: '60',
      TRUST_PROXY: 'true',
    });
    expect(env.loginLimits).toMatchObject({ maxFailuresPerAccount: 5, blockSeconds: 60 });
    expect(env.trustedProxies).toBe(1);
    expect(parseLoginLimitEnv({ TRUST_PROXY: '2' }).trustedProxies).toBe(2);
    expect(() => parseLoginLimitEnv({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(() => parseLoginLimitEnv({ LOGIN_MAX_FAILURES_PER_ADDRESS: '0' })).toThrow(
      /LOGIN_MAX_FAILURES_PER_ADDRESS/,
    );
  });
});
