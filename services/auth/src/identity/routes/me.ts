import type { Database } from '@mana/db';
import type { TokenVerifier } from '@mana/http';
import { Hono } from 'hono';
import { type AppEnv, requireUser } from '../../middleware/principal';
import { listUserSpaces } from '../db/spaces';

/** `GET /api/v1/me/spaces` → the caller's spaces, and only theirs. */
export function meRoutes(deps: { db: Database; verifyToken: TokenVerifier }) {
  return new Hono<AppEnv>()
    .use(requireUser(deps.verifyToken, deps.db))
    .get('/spaces', async (c) => {
      const principal = c.get('principal');
      if (principal.type !== 'user') throw new Error('requireUser sets a user principal');
      const spaces = await listUserSpaces(deps.db, principal.userId);
      return c.json({
        spaces: spaces.map(({ id, name, type, role, slug }) => ({ id, name, slug, type, role })),
      });
    });
}
