import { HEADER_DISPLAY_NAMES } from '@mana/contracts';
import { describeSeed } from '@mana/personas';
import type { StackEnv } from './env';
import type { RunningStack } from './stack';

/** The start-up lines of `npm start`: where everything is and how to use it. */
export function stackBanner(
  stack: RunningStack,
  env: StackEnv,
  readyMs: number,
  brainLine: string,
): string[] {
  const key = env.serviceKeyIsDefault ? env.serviceKey : '$MANA_SERVICE_KEY';
  const runner = stack.runner;
  const lines = [
    '',
    `Mana Personas is running (ready in ${Math.round(readyMs)} ms)`,
    ...(stack.console
      ? [
          `  console           ${stack.console.url}   ← start here (sign in with the admin account below)`,
        ]
      : []),

    `  database          ${stack.database.location}`,
    `  identity service  ${stack.auth.url}   (JWKS: ${stack.auth.url}/api/auth/jwks)`,
    `  MCP gateway       ${stack.mcp.mcpUrl}   (metrics: ${stack.mcp.url}/metrics)`,
  ];
  if (runner) {
    lines.push(
      `  persona runner    ${runner.url}   (health: ${runner.url}/health, metrics: ${runner.url}/metrics)`,
    );
    lines.push(`  brain             ${brainLine}`);
    const loop = runner.runner.disabledReason
      ? `disabled: ${runner.runner.disabledReason}`
      : `${runner.runner.paused ? 'paused' : 'a tick now'}, then every ${Math.round(env.runner.tickIntervalMs / 1000)} s, ${env.runner.concurrency} personas at a time`;
    lines.push(`  tick loop         ${loop}`);
  }
  lines.push(
    `  service key       ${env.serviceKeyIsDefault ? `${env.serviceKey}  (development default; set MANA_SERVICE_KEY)` : '(from MANA_SERVICE_KEY)'}`,
  );
  if (env.admin) {
    const password = env.admin.isDefault ? ` / ${env.admin.password}  (development default)` : '';
    lines.push(`  admin account     ${env.admin.email}${password}`);
  }
  if (stack.seed) lines.push(`  persona catalog   ${describeSeed(stack.seed)}`);
  lines.push(
    '',
    `  personas:   curl -s -H "${HEADER_DISPLAY_NAMES.serviceKey}: ${key}" ${stack.auth.url}/api/v1/admin/personas`,
  );
  if (runner) {
    lines.push(`  a tick now: curl -s -X POST ${runner.url}/diag/tick`);
  }
  lines.push(
    `  MCP client: 1. token:   curl -s -X POST ${stack.auth.url}/api/v1/auth/login -H 'content-type: application/json' \\`,
    `                            -d '{"email":"persona.anna@mana.test","password":"'$(npm run -s persona:password -- persona.anna@mana.test)'"}'`,
    `              2. connect: ${stack.mcp.mcpUrl}  with  Authorization: Bearer <accessToken>`,
    `                          and optionally ${HEADER_DISPLAY_NAMES.space}: <id from GET /api/v1/me/spaces> (default: personal space)`,
    '',
    '  stop with Ctrl+C',
    '',
  );
  return lines;
}
