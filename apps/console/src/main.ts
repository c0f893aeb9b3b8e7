import { createDatabase } from '@mana/db';
import { createLogger } from '@mana/http';
import { parseConsoleEnv } from './env';
import { startConsole } from './server';

// The console on its own: `npm start -w @mana/console`. It reads the database the other
// services write (it applies no migrations) and signs admins in at MANA_AUTH_URL.
const env = parseConsoleEnv();
const logger = createLogger('console', env.logLevel);
const database = await createDatabase(env.databaseUrl);
const running = await startConsole({
  db: database.db,
  authUrl: env.authUrl,
  issuer: env.issuer,
  serviceKey: env.serviceKey,
  port: env.port,
  host: env.host,
  trustedOrigins: env.trustedOrigins,
  budget: env.budget,
  logger,
});
logger.info(
  { url: running.url, authUrl: env.authUrl, database: database.location },
  'console listening',
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await running.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
