import { createLogger } from '@mana/http';
import { createBrain } from './brains/create-brain';
import { parseRunnerEnv } from './env';
import { startPersonaRunner } from './server';
import { startRunnerTracing } from './telemetry/start-runner-tracing';

// The persona runner on its own: `npm start -w @mana/persona-runner`.
const env = parseRunnerEnv();
const logger = createLogger('persona-runner', env.logLevel);
// Tracing first, so every persona-day is a trace; without an endpoint nothing is loaded.
const tracing = env.otlpEndpoint ? await startRunnerTracing(env.otlpEndpoint) : undefined;
if (env.otlpEndpoint) logger.info({ endpoint: env.otlpEndpoint }, 'exporting traces over OTLP');
const brain = createBrain(env);
logger.info(
  {
    brain: env.brain,
    setting: env.brainSetting,
    model: brain?.model ?? null,
    why: env.brainReason,
  },
  `brain: ${env.brain}${brain ? ` (${brain.model})` : ''} [${env.brainReason}]`,
);
const service = await startPersonaRunner({
  authUrl: env.authUrl,
  mcpUrl: env.mcpUrl,
  serviceKey: env.serviceKey,
  seedSecret: env.seedSecret,
  brain,
  runnerId: env.runnerId,
  concurrency: env.concurrency,
  personaTimeoutMs: env.personaTimeoutMs,
  callTimeoutMs: env.callTimeoutMs,
  leaseSeconds: env.leaseSeconds,
  dataDir: env.dataDir,
  budget: env.budget,
  tickIntervalMs: env.tickIntervalMs,
  paused: env.paused,
  logger,
  port: env.port,
  host: env.host,
  diagnostics: !env.production,
});
logger.info(
  { url: service.url, authUrl: env.authUrl, mcpUrl: env.mcpUrl, everyMs: env.tickIntervalMs },
  'persona runner listening',
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info(
    { signal, graceMs: env.shutdownGraceMs },
    'stopping: no new ticks; finishing the one in flight',
  );
  await service.shutdown(env.shutdownGraceMs);
  await tracing
    ?.shutdown()
    .catch((error: unknown) => logger.warn({ err: error }, 'traces not flushed'));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
