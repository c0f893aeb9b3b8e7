import { parseArgs } from 'node:util';
import { createLogger } from '@mana/http';
import { createBrain, startRunnerTracing } from '@mana/persona-runner';
import { stackBanner } from './banner';
import { parseStackEnv } from './env';
import { startStack } from './stack';
import { describeTarget, type LoadedTarget, loadTarget } from './target/load-target';
import { tickLine } from './tick-line';

// `npm start`: the whole system in one process on the embedded database (or DATABASE_URL).
const started = performance.now();
const env = parseStackEnv();
const logger = createLogger('mana', env.logLevel);
const out = (line = '') => process.stdout.write(`${line}\n`);
// One tracer provider for the whole process: the runner's spans and the gateway's.
const tracing = env.runner.otlpEndpoint
  ? await startRunnerTracing(env.runner.otlpEndpoint, 'mana')
  : undefined;

// `npm start -- --target targets/memory.json` (or MANA_TARGET): the personas live in that app.
let target: LoadedTarget | undefined;
try {
  const { values } = parseArgs({ options: { target: { type: 'string' } }, strict: true });
  const path = values.target ?? env.target;
  target = path ? loadTarget(path, { env: process.env }) : undefined;
} catch (error) {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const brain = createBrain({ ...env.runner, processEnv: env.runner.processEnv });
const brainLine = `${env.runner.brain}${brain ? ` (${brain.model})` : ' (not available)'}  [${env.runner.brainReason}]`;

let stack: Awaited<ReturnType<typeof startStack>>;
try {
  stack = await startStack({
    databaseUrl: env.databaseUrl,
    host: env.host,
    authPort: env.authPort,
    mcpPort: env.mcpPort,
    consolePort: env.consolePort,

    serviceKey: env.serviceKey,
    authSecret: env.authSecret,
    jwtExpiresIn: env.jwtExpiresIn,
    personaTokenSeconds: env.personaTokenSeconds,
    seedSecret: env.seedSecret,
    admin: env.admin,
    transcriptRetentionDays: env.transcriptRetentionDays,
    loginLimits: env.login.loginLimits,
    trustedProxies: env.login.trustedProxies,
    logger,
    target,
    runner: {
      brain,
      port: env.runnerPort,
      runnerId: env.runner.runnerId,
      // One runner beside the embedded database: a fixed journal directory, so a restart
      // replays what a crash left, whatever the process id in the runner's id.
      dataDir: process.env.RUNNER_DATA_DIR ? env.runner.dataDir : '.data/runner',
      tickIntervalMs: env.runner.tickIntervalMs,
      concurrency: env.runner.concurrency,
      personaTimeoutMs: env.runner.personaTimeoutMs,
      callTimeoutMs: env.runner.callTimeoutMs,
      budget: env.runner.budget,
      paused: env.runner.paused,
      diagnostics: !env.production,
      onTick: (result) => out(tickLine(result, new Date())),
    },
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`npm start failed: ${message}\n`);
  if (/EADDRINUSE/.test(`${message} ${(error as { code?: string }).code ?? ''}`)) {
    process.stderr.write(
      'A port is taken: stop the other process or set AUTH_PORT / MCP_PORT / RUNNER_PORT / CONSOLE_PORT.\n',
    );
  }
  process.exit(1);
}

for (const line of stackBanner(stack, env, performance.now() - started, brainLine)) out(line);
if (target) out(`  target            ${describeTarget(target)}\n`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  out(
    `${signal}: no new ticks; letting the tick in flight finish (up to ${env.runner.shutdownGraceMs / 1000} s)…`,
  );
  await stack.close(env.runner.shutdownGraceMs);
  await tracing?.shutdown().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
