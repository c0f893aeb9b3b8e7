import { createDatabase, migrateDatabase } from '@mana/db';
import { createLogger } from '@mana/http';
import { parseAuthEnv } from './env';
import { startAuthService } from './server';

// The identity service on its own: `npm start -w @mana/auth`.
const env = parseAuthEnv();
const logger = createLogger('auth', env.logLevel);
const database = await createDatabase(env.databaseUrl);
await migrateDatabase(database);
const service = await startAuthService({
  db: database.db,
  serviceKey: env.serviceKey,
  secret: env.authSecret,
  port: env.port,
  host: env.host,
  publicUrl: env.publicUrl,
  jwtExpiresIn: env.jwtExpiresIn,
  personaTokenSeconds: env.personaTokenSeconds,
  trustedOrigins: env.trustedOrigins,
  admin: env.admin,
  oauthResources: env.oauthResources,
  transcriptRetentionDays: env.transcriptRetentionDays,
  loginLimits: env.login.loginLimits,
  trustedProxies: env.login.trustedProxies,
  logger,
});
logger.info(
  { url: service.url, database: database.location, devServiceKey: env.serviceKeyIsDefault },
  'identity service listening',
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await service.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
