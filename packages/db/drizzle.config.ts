import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes migrations from the schema; `npm run db:push` pushes the
// schema straight to DATABASE_URL (dev only). Unset DATABASE_URL means the embedded
// PGlite under .data/pglite at the repository root.
const url = process.env.DATABASE_URL ?? '';
const isServer = url.startsWith('postgres://') || url.startsWith('postgresql://');

export default defineConfig({
  dialect: 'postgresql',
  // Identity tables live here; each app module keeps its tables next to its tools.
  schema: ['./src/schema/index.ts', '../tool-registry/src/modules/*/table.ts'],
  out: './migrations',
  schemaFilter: ['auth', 'app'],
  ...(isServer
    ? { dbCredentials: { url } }
    : {
        driver: 'pglite',
        dbCredentials: { url: url.startsWith('file:') ? url.slice(5) : '../../.data/pglite' },
      }),
});
