import { buildReport, parseSpan } from '@mana/analytics';
import { validQuery } from '@mana/http';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv, PageDeps } from '../context';
import { MAX_SINCE_DAYS } from '../window';

const reportQuery = z.object({
  since: z
    .string()
    .default('7d')
    .transform((s, ctx) => {
      try {
        const days = parseSpan(s);
        if (days > 0 && days <= MAX_SINCE_DAYS) return days;
      } catch {
        // reported below
      }
      ctx.addIssue({
        code: 'custom',
        message: `a span like 7d, 36h or 2w, longer than 0 and at most ${MAX_SINCE_DAYS} days`,
      });
      return z.NEVER;
    }),
});

/** `GET /api/report?since=7d`: the operator report as JSON (what `npm run report` prints). */
export function apiRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/report', async (c) => {
    const { since } = validQuery(c, reportQuery);
    return c.json(await buildReport(deps.db, { now: deps.now(), sinceDays: since }));
  });
}
