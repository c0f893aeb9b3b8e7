import { toolUsage } from '@mana/analytics';
import { type CoverageAnswer, coverageQuerySchema } from '@mana/contracts';
import type { Database } from '@mana/db';
import { validQuery } from '@mana/http';
import { Hono } from 'hono';
import type { AppEnv } from '../../middleware/principal';

const DAY_MS = 86_400_000;

/**
 * `GET /api/v1/internal/coverage?days=7` (behind `X-Service-Key`): how often each tool was
 * called over the last `days` days on the service's clock, so the runner can steer its
 * personas towards tools that saw little traffic. 400 for a `days` outside 1..90.
 */
export function internalCoverageRoutes(deps: { db: Database; clock: () => Date }) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { days } = validQuery(c, coverageQuerySchema);
    const until = deps.clock();
    const since = new Date(until.getTime() - days * DAY_MS);
    const answer: CoverageAnswer = {
      tools: await toolUsage(deps.db, { since, until }),
      since: since.toISOString(),
    };
    return c.json(answer);
  });
}
