import {
  dataAsOf,
  detectRegressions,
  latestFailedCalls,
  latestModuleNotes,
  moduleExists,
  moduleTrends,
  rankSampleFloor,
  toolStats,
  windowBounds,
} from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { dayRange } from '../charts/scale';
import type { ConsoleEnv, PageDeps } from '../context';
import { ModulePage } from '../views/module-page';
import { parseSince } from '../window';

/** How many notes and failed calls the module page lists. */
export const MODULE_LIST_LIMIT = 25;

/** `GET /modules/:module?since=7d`: one module's trend, tools, notes and failures. */
export function moduleRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:module', async (c) => {
    const module = c.req.param('module');
    const { since, days } = parseSince(c.req.query('since'));
    if (!(await moduleExists(deps.db, module))) {
      throw new HTTPException(404, { message: `No persona has used or rated "${module}".` });
    }
    const now = deps.now();
    const asOf = await dataAsOf(deps.db, now);
    const window = { asOf, recentDays: days, baselineDays: days };
    const { start, end } = windowBounds(window);
    const [trends, tools, analysis, notes, failures] = await Promise.all([
      moduleTrends(deps.db, window),
      toolStats(deps.db, window),
      detectRegressions(deps.db, window),
      latestModuleNotes(deps.db, module, MODULE_LIST_LIMIT),
      latestFailedCalls(deps.db, module, MODULE_LIST_LIMIT),
    ]);
    return c.html(
      <ModulePage
        admin={c.get('admin')}
        module={module}
        trend={trends.find((t) => t.module === module)}
        tools={tools.filter((t) => t.module === module)}
        alerts={analysis.alerts.filter((a) => a.module === module)}
        notes={notes}
        failures={failures}
        minCount={rankSampleFloor(analysis.family.level)}
        days={dayRange(start, end)}
        since={since}
        sinceDays={days}
        asOf={asOf}
        now={now}
      />,
    );
  });
}
