import { MAX_LEASE_SECONDS } from '@mana/contracts';
import { createBrain } from '@mana/persona-runner';
import { FaultInjector, parseFaults } from '@mana/tool-registry';
import type { FromWorker, ToWorker } from './simulate-worker-protocol';
import { type RunningStack, startStack } from './stack';
import { VirtualTime } from './virtual-time';

// One worker process of `simulate --workers N` (started by simulate-workers.ts over an IPC
// channel, never by hand): the identity service, the gateway and a runner of its own on
// the shared PostgreSQL database, on a virtual clock the coordinator moves hour by hour.
// Its own services keep the CPU of a persona-day (login, gateway, runner) in this process,
// so N workers use N cores; the claims keep them from living a persona twice.

const send = (message: FromWorker) => process.send?.(message);
let stack: RunningStack | undefined;
let time: VirtualTime | undefined;
let faults: FaultInjector | undefined;
let spec: string | undefined;
let index = -1;

process.on('message', (message: ToWorker) => {
  handle(message).catch((error: unknown) => {
    send({ type: 'error', index, message: error instanceof Error ? error.message : String(error) });
  });
});
// The coordinator went away (killed, or its IPC channel closed): nothing left to do.
process.on('disconnect', () => {
  void (stack?.close() ?? Promise.resolve()).finally(() => process.exit(0));
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    index = message.index;
    spec = message.faults;
    time = new VirtualTime(
      new Date(message.now),
      message.modelLatency ? { latencySeed: message.seed + message.index } : {},
    );
    faults = new FaultInjector({ sleep: time.sleep, seed: message.seed + message.index });
    const brain = createBrain(message.brain);
    if (!brain) throw new Error(`the ${message.brain.brain} brain lacks its credentials`);
    stack = await startStack({
      databaseUrl: message.databaseUrl,
      authPort: 0,
      mcpPort: 0,
      serviceKey: message.serviceKey,
      authSecret: message.authSecret,
      seedSecret: message.seedSecret,
      // The coordinator seeded the catalog before starting the workers.
      seed: false,
      clock: time.clock,
      appClock: time.appClock,
      faults,
      runner: {
        brain,
        port: 0,
        runnerId: `sim-w${message.index}`,
        startLoop: false,
        concurrency: message.concurrency,
        personaTimeoutMs: 300_000,
        // As in `simulate`: the virtual clock runs ahead of real time inside a tick.
        leaseSeconds: MAX_LEASE_SECONDS,
        clock: time.clock,
        stopwatch: time.stopwatch,
      },
    });
    send({ type: 'ready', index });
    return;
  }
  if (message.type === 'close') {
    await stack?.close();
    stack = undefined;
    process.disconnect?.();
    process.exit(0);
  }
  const runner = stack?.runner?.runner;
  if (!runner || !time || !faults) throw new Error('tick before init');
  time.set(new Date(message.at));
  if (message.faultsOn && spec && faults.current().length === 0) faults.set(parseFaults(spec));
  const result = await runner.tick();
  if (!('tickId' in result))
    throw new Error(`the runner did not tick: ${result.skipped} ${result.reason ?? ''}`);
  send({
    type: 'ticked',
    index,
    hour: message.hour,
    personaDays: result.due,
    actions: result.personas.reduce((n, p) => n + p.actions, 0),
    ratings: result.personas.reduce((n, p) => n + p.ratings, 0),
    failed: result.failed.length,
  });
}
