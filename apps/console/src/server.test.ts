import { createTestDatabase } from '@mana/db/testing';
import { describe, expect, it } from 'vitest';
import { parseConsoleEnv } from './env';
import { startConsole } from './server';

describe('startConsole', () => {
  it('listens on a free port and answers /health over HTTP until closed', async () => {
    const database = await createTestDatabase();
    const running = await startConsole({
      db: database.db,
      authUrl: 'http://127.0.0.1:9',
      serviceKey: 'k',
      port: 0,
    });
    try {
      const response = await fetch(`${running.url}/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      // Not `no-referrer`: that makes browsers send `Origin: null` on same-origin posts.
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      const page = await fetch(`${running.url}/`, { redirect: 'manual' });
      expect(page.status).toBe(302);
    } finally {
      await running.close();
      await database.close();
    }
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
  });
});

describe('parseConsoleEnv', () => {
  it('defaults to port 3000 and the development service key outside production', () => {
    const env = parseConsoleEnv({ MANA_AUTH_URL: 'http://127.0.0.1:3001/' });
    expect(env.port).toBe(3000);
    expect(env.authUrl).toBe('http://127.0.0.1:3001');
    expect(env.issuer).toBe('http://127.0.0.1:3001');
    expect(env.serviceKey).toBe('mana-dev-service-key');
  });

  it('fails fast naming the bad field, and requires a service key in production', () => {
    expect(() => parseConsoleEnv({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => parseConsoleEnv({ NODE_ENV: 'production' })).toThrow(/MANA_SERVICE_KEY/);
  });
});
