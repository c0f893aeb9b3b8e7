import { defineConfig } from 'vitest/config';

// The whole suite runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL
// server, it runs a second time against that server (project "postgres"), each test
// file in a database of its own.
const serverUrl = process.env.TEST_DATABASE_URL;

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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'pglite', env: { MANA_TEST_DB: 'pglite' } } },
      ...(serverUrl
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', env: { MANA_TEST_DB: 'postgres' } },
            },
          ]
        : []),
    ],
  },
});
