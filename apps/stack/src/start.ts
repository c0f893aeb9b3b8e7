import { createLogger } from '@mana/http';
import { describeSeed } from '@mana/personas';
import { parseStackEnv } from './env';
import { startStack } from './stack';

// `npm start`: the whole system in one process on the embedded database (or DATABASE_URL).
const started = performance.now();
const env = parseStackEnv();
const logger = createLogger('mana', env.logLevel);
const out = (line = '') => process.stdout.write(`${line}\n`);

let stack: Awaited<ReturnType<typeof startStack>>;
try {
  stack = await startStack({
    databaseUrl: env.databaseUrl,
    host: env.host,
    authPort: env.authPort,
    serviceKey: env.serviceKey,
    authSecret: env.authSecret,
    seedSecret: env.seedSecret,
    admin: env.admin,
    logger,
  });
} catch (error) {
  process.stderr.write(
    `npm start failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  if (
    error instanceof Error &&
    /EADDRINUSE/.test(String(error.message) + String((error as { code?: string }).code))
  ) {
    process.stderr.write('A port is taken: stop the other process or set AUTH_PORT.\n');
  }
  process.exit(1);
}

out();
out(`Mana Personas is running (ready in ${Math.round(performance.now() - started)} ms)`);
out(`  database          ${stack.database.location}`);
out(`  identity service  ${stack.auth.url}   (JWKS: ${stack.auth.url}/api/auth/jwks)`);
out(
  `  service key       ${env.serviceKeyIsDefault ? `${env.serviceKey}  (development default; set MANA_SERVICE_KEY)` : '(from MANA_SERVICE_KEY)'}`,
);
if (env.admin) {
  out(
    `  admin account     ${env.admin.email}${env.admin.isDefault ? ` / ${env.admin.password}  (development default)` : ''}`,
  );
}
if (stack.seed) out(`  persona catalog   ${describeSeed(stack.seed)}`);
out();
out(
  `  try: curl -s -H 'x-service-key: ${env.serviceKeyIsDefault ? env.serviceKey : '$MANA_SERVICE_KEY'}' ${stack.auth.url}/api/v1/admin/personas`,
);
out('  stop with Ctrl+C');
out();

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  await stack.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
