import { tickHistory } from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { ConsoleEnv, PageDeps } from '../context';
import { TicksPage } from '../views/ticks-page';

const ticksQuery = z.object({
  failed: z.enum(['0', '1', 'true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /ticks?failed=1&limit=100`: the tick history, newest first. */
export function tickListRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const parsed = ticksQuery.safeParse(c.req.query());
    if (!parsed.success) {
      throw new HTTPException(400, {
        message: 'failed must be 1 or 0 and limit a whole number from 1 to 1000',
      });
    }
    const failedOnly = parsed.data.failed === '1' || parsed.data.failed === 'true';
    const ticks = await tickHistory(deps.db, { failedOnly, limit: parsed.data.limit });
    return c.html(
      <TicksPage
        admin={c.get('admin')}
        ticks={ticks}
        failedOnly={failedOnly}
        limit={parsed.data.limit}
      />,
    );
  });
}
