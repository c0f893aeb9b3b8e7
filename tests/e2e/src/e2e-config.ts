import { createTestDatabase, testDatabaseTarget } from '@mana/db/testing';
import { type Brain, createBrain } from '@mana/persona-runner';

/** Secrets of the stacks these tests start. */
export const E2E_SECRETS = {
  serviceKey: 'e2e-service-key',
  authSecret: 'e2e-better-auth-secret-0123456789abcdef',
  seedSecret: 'e2e-seed-secret',
};

/** The PostgreSQL server to run on in the `postgres` project, else undefined (embedded). */
export function serverUrl(): string | undefined {
  return testDatabaseTarget() === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
}

/**
 * A database URL for a stack under test: in the `postgres` project a fresh database on
 * the server (dropped by `drop`), else an in-memory PGlite.
 */
export async function stackDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (testDatabaseTarget() !== 'postgres') return { url: 'memory://', drop: async () => {} };
  const handle = await createTestDatabase();
  return { url: handle.url, drop: () => handle.close() };
}

/** The offline scripted brain for `seed`. */
export function scriptedBrain(seed: number): Brain {
  const brain = createBrain({ brain: 'scripted', scriptedSeed: seed, processEnv: {} });
  if (!brain) throw new Error('the scripted brain is unavailable');
  return brain;
}
