import { type RunningAuthService, startAuthService } from '@mana/auth';
import { createDatabase, type DatabaseHandle, migrateDatabase } from '@mana/db';
import { createTestDatabase } from '@mana/db/testing';
import { startMcpGateway } from '@mana/mcp';
import { seedPersonas } from '@mana/personas';
import { STACK_SEED_SECRET, STACK_SERVICE_KEY } from './stack-harness';

/**
 * The identity service and the gateway over a seeded database, as {@link startTestStack},
 * but the identity service can be stopped and started again on the same port (the
 * runner and the gateway keep their URLs): for the failure tests. `databaseUrl` opens a
 * given server (a private PostgreSQL) instead of the test project's fresh database.
 */
export async function startRestartableStack(options: {
  clock: () => Date;
  databaseUrl?: string | undefined;
}) {
  let database: DatabaseHandle;
  if (options.databaseUrl) {
    database = await createDatabase(options.databaseUrl, { poolSize: 5 });
    await migrateDatabase(database);
  } else {
    database = await createTestDatabase();
  }
  const start = (port: number) =>
    startAuthService({
      db: database.db,
      serviceKey: STACK_SERVICE_KEY,
      secret: 'runner-test-better-auth-secret-0123456789',
      port,
      clock: options.clock,
    });
  let auth: RunningAuthService | undefined = await start(0);
  const authUrl = auth.url;
  const port = Number(new URL(authUrl).port);
  const mcp = await startMcpGateway({ db: database.db, authUrl, port: 0 });
  await seedPersonas({ authUrl, serviceKey: STACK_SERVICE_KEY, seedSecret: STACK_SEED_SECRET });
  return {
    db: database.db,
    authUrl,
    mcpUrl: mcp.url,
    /** Stops the identity service: its port refuses connections until {@link startAuth}. */
    async stopAuth() {
      await auth?.close();
      auth = undefined;
    },
    async startAuth() {
      auth ??= await start(port);
    },
    async close() {
      await mcp.close();
      await auth?.close();
      await database.close();
    },
  };
}
