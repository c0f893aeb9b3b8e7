import { consistencyRun, latestConsistencyRun, listConsistencyRuns } from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { ConsistencyPage } from '../views/consistency-page';

/** Stored runs the page lists. */
const RUNS_LISTED = 50;

/**
 * `GET /consistency`: the latest stored `simulate --repeat k` and the runs before it;
 * `GET /consistency/:id`: one of them (400 for an id that is not a run number, 404 for
 * one that was never stored).
 */
export function consistencyRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const [run, runs] = await Promise.all([
        latestConsistencyRun(deps.db),
        listConsistencyRuns(deps.db, RUNS_LISTED),
      ]);
      return c.html(<ConsistencyPage admin={c.get('admin')} run={run} runs={runs} />);
    })
    .get('/:id', async (c) => {
      const raw = c.req.param('id');
      const id = /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(id)) {
        throw new HTTPException(400, { message: `id: "${raw}" is not a consistency run number.` });
      }
      const [run, runs] = await Promise.all([
        consistencyRun(deps.db, id),
        listConsistencyRuns(deps.db, RUNS_LISTED),
      ]);
      if (!run) throw new HTTPException(404, { message: `No consistency run #${id} is stored.` });
      return c.html(<ConsistencyPage admin={c.get('admin')} run={run} runs={runs} />);
    });
}
