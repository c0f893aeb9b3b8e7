/** The secrets the bench's app (app-stack.ts) and its runner (brains.ts) share. */
export const BENCH_SECRETS = {
  serviceKey: 'bench-key',
  authSecret: 'bench-better-auth-secret-0123456789abcdef',
  seedSecret: 'bench-seed',
};
