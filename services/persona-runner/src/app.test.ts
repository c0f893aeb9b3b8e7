import { HEADERS } from '@mana/contracts';
import { silentLogger } from '@mana/http';
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
