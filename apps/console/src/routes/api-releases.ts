import { compareSides, listReleases, recordRelease } from '@mana/analytics';
import { releaseMarkerRequestSchema } from '@mana/contracts';
import { ApiError, validBody, validQuery } from '@mana/http';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv, PageDeps } from '../context';

const compareQuery = z.object({
  before: z.string().trim().min(1).max(200),
  after: z.string().trim().min(1).max(200),
});

/**
 * `POST /api/releases` `{name, at?, note?}`: records a release marker (201; 409 when the
 * name exists); `GET /api/releases`: every marker, oldest first;
 * `GET /api/compare?before=v1.3&after=v1.4`: the two periods side by side, regressions
 * listed. Behind the service key or an admin session, like every `/api` route.
 */
export function releaseApiRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>()
    .post('/releases', async (c) => {
      const body = await validBody(c, releaseMarkerRequestSchema);
      const marker = await recordRelease(deps.db, {
        name: body.name,
        at: body.at ? new Date(body.at) : deps.now(),
        note: body.note,
        createdBy: c.get('admin')?.email ?? 'service-key',
      });
      if (!marker) {
        throw new ApiError(409, 'CONFLICT', `name: a release "${body.name}" is already recorded`);
      }
      return c.json(marker, 201);
    })
    .get('/releases', async (c) => c.json({ releases: await listReleases(deps.db) }))
    .get('/compare', async (c) => {
      const q = validQuery(c, compareQuery);
      const result = await compareSides(deps.db, q.before, q.after, deps.now());
      if ('error' in result) {
        throw new ApiError(400, 'VALIDATION_FAILED', `${result.field}: ${result.error}`);
      }
      return c.json(result);
    });
}
