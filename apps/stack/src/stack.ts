import { type RunningAuthService, startAuthService } from '@mana/auth';
import { createDatabase, type DatabaseHandle, migrateDatabase } from '@mana/db';
import { silentLogger } from '@mana/http';
import { type SeedSummary, seedPersonas } from '@mana/personas';
import type { Logger } from 'pino';

/** What {@link startStack} needs. */
export interface StackOptions {
  databaseUrl?: string;
  host?: string;
  authPort?: number;
  serviceKey: string;
  authSecret: string;
  seedSecret: string;
  admin?: { email: string; password: string };
  logger?: Logger;
  /** Seed the persona catalog after start (default true). */
  seed?: boolean;
}

/** Everything `npm start` runs, in one process. */
export interface RunningStack {
  database: DatabaseHandle;
  auth: RunningAuthService;
  seed: SeedSummary | undefined;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database, starts the identity service and seeds the persona
 * catalog through it, the same way `npm run seed:personas` does.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const logger = options.logger ?? silentLogger();
  const database = await createDatabase(options.databaseUrl);
  try {
    await migrateDatabase(database);
    const auth = await startAuthService({
      db: database.db,
      serviceKey: options.serviceKey,
      secret: options.authSecret,
      port: options.authPort ?? 3001,
      host: options.host,
      admin: options.admin,
      logger: logger.child({ service: 'auth' }),
    });
    let seed: SeedSummary | undefined;
    try {
      if (options.seed !== false) {
        seed = await seedPersonas({
          authUrl: auth.url,
          serviceKey: options.serviceKey,
          seedSecret: options.seedSecret,
        });
      }
    } catch (error) {
      await auth.close();
      throw error;
    }
    return {
      database,
      auth,
      seed,
      close: async () => {
        await auth.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
