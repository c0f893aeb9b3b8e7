import { describe, expect, it } from 'vitest';
import { parseAuthEnv } from './env';

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
});
