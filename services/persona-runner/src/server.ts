import { type Listening, listen } from '@mana/http';
import { createApp, type RunnerApp } from './app';
import { PersonaRunner, type PersonaRunnerOptions } from './runner';

/** What {@link startPersonaRunner} needs. */
export interface StartPersonaRunnerOptions extends PersonaRunnerOptions {
  /** 0 picks a free port. */
  port?: number | undefined;
  host?: string | undefined;
  /** Serve `/diag/*` (development only). */
  diagnostics: boolean;
  /** Start the tick loop right away (default true). */
  startLoop?: boolean | undefined;
}

/** A running persona runner service. */
export interface RunningPersonaRunner extends Listening {
  app: RunnerApp;
  runner: PersonaRunner;
  /** Stops the loop (finishing the tick in flight within `graceMs`) and the server. */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * Starts the runner's HTTP service and, unless told otherwise, its tick loop. When the
 * runner lacks its service key or its brain's credentials, the loop stays off with a
 * warning while `/health` and `/diag` keep working.
 */
export async function startPersonaRunner(
  options: StartPersonaRunnerOptions,
): Promise<RunningPersonaRunner> {
  const runner = new PersonaRunner(options);
  const app = createApp({
    runner,
    logger: options.logger,
    serviceKey: options.serviceKey,
    diagnostics: options.diagnostics,
  });
  const server = await listen(app.fetch, { port: options.port ?? 3070, host: options.host });
  if (runner.disabledReason) {
    options.logger.warn({ reason: runner.disabledReason }, 'tick loop disabled');
  } else if (options.startLoop !== false) {
    runner.start();
  }
  return {
    ...server,
    app,
    runner,
    async shutdown(graceMs) {
      await runner.stop(graceMs);
      await server.close();
    },
    close: async () => {
      await runner.stop(0);
      await server.close();
    },
  };
}
