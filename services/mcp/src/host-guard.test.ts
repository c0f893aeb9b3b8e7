import { createErrorHandler, silentLogger } from '@mana/http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hostGuard, LOOPBACK_HOSTS } from './host-guard';

describe('hostGuard (DNS-rebinding protection)', () => {
  const app = new Hono();
  app.use(hostGuard(LOOPBACK_HOSTS));
  app.post('/mcp', (c) => c.text('ok'));
  app.onError(createErrorHandler(silentLogger()));
  const post = (headers: Record<string, string>) =>
    app.request('http://127.0.0.1:3069/mcp', { method: 'POST', headers });

  it('accepts loopback hosts on any port, with or without a loopback Origin', async () => {
    for (const host of ['localhost:3069', '127.0.0.1:1234', '[::1]:3069', 'LOCALHOST']) {
      expect((await post({ host })).status, host).toBe(200);
    }
    expect((await post({ host: 'localhost:3069', origin: 'http://localhost:5173' })).status).toBe(
      200,
    );
  });

  it('refuses a foreign Host or Origin with 403', async () => {
    expect((await post({ host: 'evil.example:3069' })).status).toBe(403);
    expect((await post({ host: 'localhost:3069', origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await post({ host: 'localhost:3069', origin: 'null' })).status).toBe(403);
  });
});
