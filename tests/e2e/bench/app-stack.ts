import { loadCatalog, scaleCatalog, seedPersonas } from '@mana/personas';
import { startStack } from '@mana/stack';
import { BENCH_SECRETS } from './bench-secrets';

// The app of `npm run bench:brains` (forked by brains.ts with an IPC channel, never by
// hand): the identity service and the gateway on a fresh in-memory database, with
// BENCH_PERSONAS daily personas seeded (scaleCatalog, as `simulate --personas`), in a process of their own, as in
// production the runner is a process apart from the app. The runner in the bench process
// then counts only its own CPU and memory: the brain's and the runner's, never PGlite's.
// It says `{ authUrl, mcpUrl }` once seeded and exits when the channel closes.
const stack = await startStack({
  databaseUrl: 'memory://',
  authPort: 0,
  mcpPort: 0,
  ...BENCH_SECRETS,
  seed: false,
});
await seedPersonas({
  authUrl: stack.auth.url,
  serviceKey: BENCH_SECRETS.serviceKey,
  seedSecret: BENCH_SECRETS.seedSecret,
  catalog: scaleCatalog(loadCatalog(), Number(process.env.BENCH_PERSONAS ?? 10), {
    cadence: 'daily',
  }),
});
process.send?.({ authUrl: stack.auth.url, mcpUrl: stack.mcp.url });
process.on('disconnect', () => {
  void stack.close().finally(() => process.exit(0));
});
