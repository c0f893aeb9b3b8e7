import { createDatabase, migrateDatabase } from '@mana/db';
import { createLogger, startTracing } from '@mana/http';
import { FaultInjector, formatFaults, parseFaults } from '@mana/tool-registry';
import { parseMcpEnv } from './env';
import { startMcpGateway } from './server';

// The MCP gateway on its own: `npm start -w @mana/mcp`.
const env = parseMcpEnv();
const logger = createLogger('mcp', env.logLevel);
// Continues the runner's traces (`traceparent`); without an endpoint nothing is loaded.
const tracing = env.otlpEndpoint
  ? await startTracing({ serviceName: 'mana-mcp', endpoint: env.otlpEndpoint })
  : undefined;
if (env.otlpEndpoint) logger.info({ endpoint: env.otlpEndpoint }, 'exporting traces over OTLP');
const faults = new FaultInjector();
faults.set(parseFaults(env.faults));
if (faults.current().length > 0)
  logger.warn({ faults: formatFaults(faults.current()) }, 'fault drill active');
const database = await createDatabase(env.databaseUrl);
await migrateDatabase(database);
const gateway = await startMcpGateway({
  db: database.db,
  authUrl: env.authUrl,
  issuer: env.issuer,
  publicUrl: env.publicUrl,
  port: env.port,
  host: env.host,
  allowedHosts: env.allowedHosts,
  faults,
  ...(env.serviceKey ? { serviceKey: env.serviceKey } : {}),

  logger,
});
logger.info(
  { url: gateway.mcpUrl, authUrl: env.authUrl, database: database.location },
  'MCP gateway listening',
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await gateway.close();
  await database.close();
  await tracing
    ?.shutdown()
    .catch((error: unknown) => logger.warn({ err: error }, 'traces not flushed'));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
