import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The whole suite runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL
// server, it runs a second time against that server (project "postgres"), each test
// file in a database of its own.
const serverUrl = process.env.TEST_DATABASE_URL;

/**
 * Test files that never open a database: pure logic, HTTP guards, the fake model, the
 * brains' unit tests. Running them against a second engine proves nothing new, so the
 * postgres project leaves them out. Measured: none of these creates a database (the
 * probe in the closing note of issue 8's follow-up); a file that starts to need one
 * must leave this list, or its queries are only ever tested on PGlite.
 */
const ENGINE_FREE = [
  'services/persona-runner/src/telemetry/agent-turn-spans.test.ts',
  'apps/console/src/charts/bar-chart.test.ts',
  'apps/console/src/charts/line-chart.test.ts',
  'apps/console/src/charts/palette.test.ts',
  'apps/console/src/charts/scale.test.ts',
  'apps/console/src/charts/sparkline.test.ts',
  'apps/stack/src/env.test.ts',
  'apps/stack/src/budget-env.test.ts',
  'apps/stack/src/tick-line.test.ts',
  'packages/http/src/middleware/json-only/index.test.ts',
  'packages/http/src/middleware/body-limit/index.test.ts',
  'apps/stack/src/consistency-figures.test.ts',
  'apps/stack/src/report-format.test.ts',
  'apps/stack/src/target/load-target.test.ts',
  'apps/stack/src/target/verify-target.test.ts',
  'packages/analytics/src/change-point.test.ts',
  'packages/analytics/src/conditional-binomial.test.ts',
  'packages/analytics/src/coverage.test.ts',
  'packages/analytics/src/family-wise.test.ts',
  'packages/analytics/src/find-regressions.test.ts',
  'packages/analytics/src/fisher.test.ts',
  'packages/analytics/src/incidents.test.ts',
  'packages/analytics/src/mann-whitney.test.ts',
  'packages/analytics/src/normal.test.ts',
  'packages/analytics/src/power.test.ts',
  'packages/analytics/src/release-periods.test.ts',
  'packages/analytics/src/statistics.test.ts',
  'packages/contracts/src/check-evaluation.test.ts',
  'packages/contracts/src/input-hash.test.ts',
  'packages/contracts/src/redact.test.ts',
  'packages/contracts/src/target.test.ts',
  'packages/contracts/src/wire.test.ts',
  'packages/fake-anthropic/src/agent-sdk.test.ts',
  'packages/fake-anthropic/src/conversation.test.ts',
  'packages/fake-anthropic/src/fake-anthropic.test.ts',
  'packages/fake-anthropic/src/prompt-cache.test.ts',
  'packages/fake-anthropic/src/scripted-turns.test.ts',
  'packages/fake-openai/src/fake-openai.test.ts',
  'packages/http/src/env.test.ts',
  'packages/http/src/errors.test.ts',
  'packages/http/src/listen.test.ts',
  'packages/http/src/middleware/bearer-token/index.test.ts',
  'packages/http/src/middleware/service-key/index.test.ts',
  'packages/http/src/secret.test.ts',
  'packages/personas/src/catalog.test.ts',
  'packages/personas/src/password.test.ts',
  'packages/personas/src/scale.test.ts',
  'packages/contracts/src/pid-lock.test.ts',
  'packages/tool-registry/src/checks.test.ts',
  'packages/tool-registry/src/faults/fault-spec.test.ts',
  'packages/tool-registry/src/registry.test.ts',
  'services/auth/src/env.test.ts',
  'services/auth/src/identity/password-hashing.test.ts',
  'services/mcp/src/host-guard.test.ts',
  'services/mcp/src/middleware/caller.test.ts',
  'services/mcp/src/middleware/space.test.ts',
  // Opens a database, but proves protocol refusals; oauth-flow.test.ts runs the same
  // tables on both engines.
  'services/mcp/src/oauth-refusals.test.ts',
  'services/persona-runner/src/app.test.ts',
  'services/persona-runner/src/brain-choice.test.ts',
  'services/persona-runner/src/env.test.ts',
  'services/persona-runner/src/brains/claude-agent-sdk/day-prompt.test.ts',
  'services/persona-runner/src/brains/claude-agent-sdk/tool-call-tracker.test.ts',
  'services/persona-runner/src/brains/claude-agent-sdk/tool-names.test.ts',
  'services/persona-runner/src/brains/llm/prices.test.ts',
  'services/persona-runner/src/brains/llm/retrying-fetch.test.ts',
  'services/persona-runner/src/brains/scripted/blame.test.ts',
  'services/persona-runner/src/brains/scripted/coverage-weight.test.ts',
  'services/persona-runner/src/brains/scripted/id-pool.test.ts',
  'services/persona-runner/src/brains/scripted/input-generator.test.ts',
  'services/persona-runner/src/brains/scripted/mistakes.test.ts',
  'services/persona-runner/src/brains/scripted/preconditions.test.ts',
  'services/persona-runner/src/brains/scripted/prng.test.ts',
  'services/persona-runner/src/brains/scripted/probe-verdict.test.ts',
  'services/persona-runner/src/brains/scripted/rate-day.test.ts',
  'services/persona-runner/src/target/runner-target.test.ts',
  'services/persona-runner/src/target/runner-target-trace.test.ts',
  'services/persona-runner/src/target/target-fetch.test.ts',
  'services/persona-runner/src/target/target-authenticators.test.ts',
  'services/persona-runner/src/brains/scripted/table-keys.test.ts',
  'services/persona-runner/src/brains/scripted/tool-profile.test.ts',
  'services/persona-runner/src/clients/error-kind.test.ts',
  'services/persona-runner/src/clients/internal-api.test.ts',
  'services/persona-runner/src/ratings/parse-ratings.test.ts',
  'services/persona-runner/src/ratings/prompt.test.ts',
  'services/persona-runner/src/tick/call-log.test.ts',
  'services/persona-runner/src/tick/journal.test.ts',
  'services/persona-runner/src/tick/choose-space.test.ts',
  'services/persona-runner/src/tick/experience.test.ts',
  'services/persona-runner/src/tick/pool.test.ts',
  'services/persona-runner/src/transcript/transcript-recorder.test.ts',
];

/**
 * Whole-catalog simulations whose SQL the rest of the postgres project already covers
 * (the same persistence path, the same queries): the drill's short form simulates four
 * days, the module-fault simulation six, and the attack suite fuzzes every tool; once, on
 * PGlite, keeps the suite short.
 */
const PGLITE_ONLY = [
  'tests/e2e/src/drill.test.ts',
  'tests/e2e/src/simulate-fault.test.ts',
  'tests/security/src/attack.test.ts',
  // The Agent SDK brain starts a Claude Code CLI per persona-day: seconds of CPU that
  // test the brain, not the engine (its rows take the runner's path, tested on both).
  'tests/e2e/src/agent-sdk.test.ts',
  'services/persona-runner/src/brains/claude-agent-sdk/claude-agent-sdk-brain.test.ts',
  // Proves the Streamable HTTP target path; its rows take target-memory.test.ts's path.
  'tests/e2e/src/target-http.test.ts',
  // Its two tries live in memory:// on either engine (33 s on the server project, loaded
  // box); the store it ends with runs on both in analytics' consistency-runs.test.ts.
  'apps/stack/src/consistency.test.ts',
];

// Most of the suite waits on loopback HTTP, a PostgreSQL server or a child process, so
// one worker per core leaves the cores idle; Vitest's default is cores − 1.
const workers = Math.max(2, availableParallelism() + 1);

export default defineConfig({
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'services/*/test/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'tests/*/src/**/*.test.ts',
    ],
    maxWorkers: workers,
    // Test files share their worker's module cache instead of importing Hono, Better
    // Auth, drizzle and the MCP SDK again for every file: measured on the runner's 39
    // files, 25 % less CPU (131 → 99 s user) and 24 % less wall time. Nothing in the
    // suite mocks modules or rewrites process.env, and each file opens its own database.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'pglite', env: { MANA_TEST_DB: 'pglite' } } },
      ...(serverUrl
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                env: { MANA_TEST_DB: 'postgres' },
                exclude: ['**/node_modules/**', ...ENGINE_FREE, ...PGLITE_ONLY],
              },
            },
          ]
        : []),
    ],
  },
});
