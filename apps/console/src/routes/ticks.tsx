import { tickHistory } from '@mana/analytics';
import { TICK_STATUSES } from '@mana/contracts';
import { validate } from '@mana/http';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConsoleEnv, PageDeps } from '../context';
import { TicksPage } from '../views/ticks-page';
import { instant, utcInstant } from './evidence-query';

/** An empty form field reads as absent. */
const blank = (v: unknown) => (v === '' ? undefined : v);
const text = z.preprocess(blank, z.string().max(200).optional());

/** The ticks list's query: its filters (a form's empty fields mean "any") and the limit. */
export const ticksQuerySchema = z.object({
  failed: z.preprocess(blank, z.enum(['0', '1', 'true', 'false']).optional()),
  persona: text,
  brain: text,
  model: text,
  status: z.preprocess(blank, z.enum(TICK_STATUSES).optional()),
  from: instant,
  to: instant,
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(1000).default(100)),
});

export type TicksQuery = z.infer<typeof ticksQuerySchema>;

/**
 * `GET /ticks?persona=&brain=&model=&status=&from=&to=&failed=1&limit=100`: the tick
 * history, newest first, filtered (persona by id or email; `from`/`to` on the start time,
 * UTC); a bad value is a 400 naming the field.
 */
export function tickListRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const q = validate(ticksQuerySchema, c.req.query(), 'query');
    const failedOnly = q.failed === '1' || q.failed === 'true';
    const from = utcInstant(q.from);
    const to = utcInstant(q.to);
    const ticks = await tickHistory(deps.db, {
      failedOnly,
      limit: q.limit,
      ...(q.persona ? { persona: q.persona } : {}),
      ...(q.brain ? { brain: q.brain } : {}),
      ...(q.model ? { model: q.model } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    return c.html(
      <TicksPage admin={c.get('admin')} ticks={ticks} query={q} failedOnly={failedOnly} />,
    );
  });
}
