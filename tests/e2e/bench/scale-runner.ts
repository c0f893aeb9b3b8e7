import { silentLogger } from '@mana/http';
import { createBrain, PersonaRunner } from '@mana/persona-runner';

// One runner process of `npm run bench:scale` (forked by scale.ts with an IPC channel,
// never by hand). It builds a runner (replaying its crash journal when it has a data
// directory), says `ready`, and on `go` ticks back to back until told to `stop`, pausing
// briefly when nothing is due (a lease of a killed runner may still have to expire).
// On `stop` it says how many days it lived and the CPU it used since `go`.
// With SCALE_REPLAY=1 it only delivers what its journal still owes, then exits.
const env = process.env;
const offsetMs = Number(env.SCALE_OFFSET_MS ?? 0);
const brain = createBrain({ brain: 'scripted', scriptedSeed: 1, processEnv: {} });
const runner = new PersonaRunner({
  authUrl: env.SCALE_AUTH_URL ?? '',
  mcpUrl: env.SCALE_MCP_URL ?? '',
  serviceKey: env.SCALE_SERVICE_KEY ?? '',
  seedSecret: env.SCALE_SEED_SECRET ?? '',
  brain,
  runnerId: env.SCALE_RUNNER_ID ?? 'bench',
  concurrency: Number(env.SCALE_CONCURRENCY ?? 4),
  personaTimeoutMs: 600_000,
  tickIntervalMs: 60_000,
  leaseSeconds: Number(env.SCALE_LEASE_SECONDS ?? 30),
  dataDir: env.SCALE_DATA_DIR,
  logger: silentLogger(),
  clock: () => new Date(Date.now() + offsetMs),
});

if (env.SCALE_REPLAY === '1') {
  const owed = runner.pendingWrites;
  await runner.tick();
  process.send?.({ type: 'replayed', owed, left: runner.pendingWrites }, () => process.exit(0));
}

let stopping = false;
process.on('message', (message: { type: string }) => {
  if (message.type === 'go') void loop();
  if (message.type === 'stop') stopping = true;
});
process.send?.({ type: 'ready' });

async function loop(): Promise<void> {
  let lived = 0;
  const cpu = process.cpuUsage();
  while (!stopping) {
    try {
      const result = await runner.tick();
      const due = 'tickId' in result ? result.due : 0;
      lived += due;
      if (due === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    } catch {
      // The identity service did not answer; try again shortly.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.send?.({ type: 'stopped', lived, cpuMs }, () => process.exit(0));
}
