import { createBrain } from '@mana/persona-runner';
import { parseStackEnv } from './env';
import { runSmoke } from './smoke';

// `npm run smoke`: the exit gate. Fresh embedded database, or a fresh database on the
// PostgreSQL server DATABASE_URL names. Exits 1 unless every due persona ran, acted and rated.
const env = parseStackEnv();
const brain = createBrain({ ...env.runner, processEnv: env.runner.processEnv });
if (!brain) {
  process.stderr.write(
    `smoke: the ${env.runner.brain} brain is not available (its API key or settings are missing)\n`,
  );
  process.exit(2);
}
const server = env.databaseUrl?.startsWith('postgres') ? env.databaseUrl : undefined;
if (env.databaseUrl && !server) {
  process.stderr.write(
    'smoke: DATABASE_URL must be a postgres:// URL (a fresh database is created there)\n',
  );
  process.exit(2);
}
const out = (line: string) => process.stdout.write(`${line}\n`);
try {
  const report = await runSmoke({
    serverUrl: server,
    brain,
    serviceKey: env.serviceKey,
    authSecret: env.authSecret,
    seedSecret: env.seedSecret,
    personaTimeoutMs: env.runner.personaTimeoutMs,
    out,
  });
  if (report.ok) {
    out(
      `smoke: PASS — ${report.result?.due} personas ran, ${report.actions.length} actions, ${report.feedback.length} ratings`,
    );
    process.exit(0);
  }
  out('smoke: FAIL');
  for (const problem of report.problems) out(`  - ${problem}`);
  process.exit(1);
} catch (error) {
  process.stderr.write(
    `smoke: FAIL — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
