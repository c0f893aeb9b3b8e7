import { HEADERS } from '@mana/contracts';
import { listen, silentLogger } from '@mana/http';
import { describe, expect, it } from 'vitest';
import { createApp } from './app';
import { PersonaRunner } from './runner';
import { testBrain } from './testing/test-brain';

const KEY = 'runner-test-service-key';

/** The runner's HTTP app over a runner that never ticks (nothing listens at its URLs). */
function app() {
  const runner = new PersonaRunner({
    authUrl: 'http://127.0.0.1:9',
    mcpUrl: 'http://127.0.0.1:9',
    serviceKey: KEY,
    seedSecret: 'seed',
    brain: testBrain({}),
    runnerId: 'test',
    concurrency: 1,
    personaTimeoutMs: 1_000,
    tickIntervalMs: 60_000,
    logger: silentLogger(),
  });
  return {
    runner,
    app: createApp({ runner, logger: silentLogger(), serviceKey: KEY, diagnostics: false }),
  };
}

describe('pause and resume', () => {
  it('answer only the service key, with a JSON 401 otherwise', async () => {
    const { runner, app: a } = app();
    for (const headers of [{}, { [HEADERS.serviceKey]: 'wrong' }] as Record<string, string>[]) {
      const response = await a.request('/control/pause', { method: 'POST', headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'A valid X-Service-Key header is required' },
      });
    }
    expect(runner.paused).toBe(false);
  });

  it('pause and resume the loop', async () => {
    const { runner, app: a } = app();
    const post = (path: string) =>
      a.request(path, { method: 'POST', headers: { [HEADERS.serviceKey]: KEY } });
    expect(await (await post('/control/pause')).json()).toEqual({ paused: true });
    expect(runner.paused).toBe(true);
    expect(await (await post('/control/resume')).json()).toEqual({ paused: false });
    expect(runner.paused).toBe(false);
  });
});

describe('GET /diag/login', () => {
  it('item 9: an email no persona signs in with is 404, not 502', async () => {
    // The identity service answers 401 to an unknown email, as it does to a bad password.
    const identity = await listen(
      (request) =>
        new URL(request.url).pathname === '/api/v1/auth/login'
          ? Response.json(
              { error: { code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' } },
              { status: 401 },
            )
          : new Response('{}', { status: 404 }),
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const runner = new PersonaRunner({
        authUrl: identity.url,
        mcpUrl: 'http://127.0.0.1:9',
        serviceKey: KEY,
        seedSecret: 'seed',
        brain: testBrain({}),
        runnerId: 'test',
        concurrency: 1,
        personaTimeoutMs: 1_000,
        tickIntervalMs: 60_000,
        logger: silentLogger(),
      });
      const a = createApp({ runner, logger: silentLogger(), serviceKey: KEY, diagnostics: true });
      const response = await a.request('/diag/login?email=nobody@mana.test');
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'PERSONA_NOT_FOUND',
      );
    } finally {
      await identity.close();
    }
  });
});
