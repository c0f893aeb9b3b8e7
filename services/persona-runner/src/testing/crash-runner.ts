import { silentLogger } from '@mana/http';
import { PersonaRunner } from '../runner';
import { testBrain } from './test-brain';

// A runner in its own process for the crash test (`journal-crash.test.ts`): one tick,
// the clock fixed at CRASH_NOW. With CRASH_HANG=1 every persona records one call and
// hangs, and "hanging" is printed once that call is journaled, for the test to kill -9
// the process. Otherwise the tick's result is printed as JSON and the process exits.
const env = process.env;
const now = new Date(env.CRASH_NOW ?? '');
const brain = testBrain({}, env.CRASH_HANG === '1' ? 'hang' : 'ok');
const runner = new PersonaRunner({
  authUrl: env.CRASH_AUTH_URL ?? '',
  mcpUrl: env.CRASH_MCP_URL ?? '',
  serviceKey: env.CRASH_SERVICE_KEY ?? '',
  seedSecret: env.CRASH_SEED_SECRET ?? '',
  brain,
  runnerId: env.CRASH_RUNNER_ID ?? 'crash',
  concurrency: 1,
  personaTimeoutMs: 60_000,
  tickIntervalMs: 60_000,
  leaseSeconds: 5,
  dataDir: env.CRASH_DATA_DIR,
  logger: silentLogger(),
  clock: () => new Date(now),
  retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
});
void brain.hanging.then((email) => process.stdout.write(`hanging ${email}\n`));
const result = await runner.tick();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
