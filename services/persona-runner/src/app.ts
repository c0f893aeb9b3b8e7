import {
  createErrorHandler,
  notFoundHandler,
  requestLog,
  serviceKeyAuth,
  validQuery,
} from '@mana/http';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { z } from 'zod';
import { LoginError } from './clients/identity';
import { fail } from './errors';
import type { PersonaRunner } from './runner';

/** What the runner's HTTP app needs. */
export interface RunnerAppDeps {
  runner: PersonaRunner;
  logger: Logger;
  /** Guards pause and resume. */
  serviceKey: string;
  /** Mounts `/diag/*` (never in production). */
  diagnostics: boolean;
}

/**
 * The runner's HTTP surface: `/health`, `/metrics`, pause and resume (service key),
 * and outside production `GET /diag/login` and `POST /diag/tick`.
 */
export function createApp(deps: RunnerAppDeps) {
  const { runner } = deps;
  const app = new Hono<{ Variables: { requestId: string } }>();
  app.use(requestId());
  app.use(requestLog(deps.logger));

  app.get('/health', (c) =>
    c.json({
      ok: true,
      service: 'persona-runner',
      brain: runner.brain?.name ?? null,
      model: runner.brain?.model ?? null,
      loop: runner.disabledReason ? 'disabled' : runner.paused ? 'paused' : 'running',
      ...(runner.disabledReason ? { disabledReason: runner.disabledReason } : {}),
      inFlight: runner.inFlight,
      pendingWrites: runner.pendingWrites,
      lastTick: runner.last ?? null,
    }),
  );
  app.get('/metrics', async (c) => {
    c.header('content-type', runner.metrics.registry.contentType);
    return c.body(await runner.metrics.registry.metrics());
  });

  const control = new Hono();
  control.use(serviceKeyAuth({ key: deps.serviceKey }));
  control.post('/pause', (c) => {
    runner.pause();
    deps.logger.info('runner paused');
    return c.json({ paused: true });
  });
  control.post('/resume', (c) => {
    runner.resume();
    deps.logger.info('runner resumed');
    return c.json({ paused: false });
  });
  app.route('/control', control);

  if (deps.diagnostics) {
    const emailQuery = z.object({ email: z.email() });
    app.get('/diag/login', async (c) => {
      const { email } = validQuery(c, emailQuery);
      try {
        return c.json({ ok: true, ...(await runner.diagLogin(email)) });
      } catch (error) {
        // The identity service says 401 alike for an unknown email and a wrong password:
        // here both mean no persona signs in with this email.
        if (error instanceof LoginError && error.status === 401) {
          throw fail('PERSONA_NOT_FOUND', `No persona account signs in as ${email}`);
        }
        throw fail(
          'LOGIN_FAILED',
          `${email} could not log in: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
    app.post('/diag/tick', async (c) => {
      let result: Awaited<ReturnType<PersonaRunner['tick']>>;
      try {
        result = await runner.tick();
      } catch (error) {
        throw fail(
          'TICK_FAILED',
          `The tick failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if ('skipped' in result) {
        if (result.skipped === 'in_flight') throw fail('TICK_IN_FLIGHT');
        if (result.skipped === 'paused') throw fail('RUNNER_PAUSED');
        throw fail('RUNNER_DISABLED', `The runner cannot tick: ${result.reason}`);
      }
      return c.json({ ok: true, result });
    });
  }

  app.onError(createErrorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

export type RunnerApp = ReturnType<typeof createApp>;
