import {
  dataAsOf,
  detectRegressions,
  groupIncidents,
  moduleTrends,
  rankSampleFloor,
  windowBounds,
} from '@mana/analytics';
import { Hono } from 'hono';
import { dayRange } from '../charts/scale';
import type { ConsoleEnv, PageDeps } from '../context';
import { ModulesPage } from '../views/modules-page';
import { parseSince } from '../window';

/**
 * `GET /modules?since=7d`: every module's rating trend on one chart (alerting modules
 * highlighted, their onsets marked), and a table.
 */
export function moduleListRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const { since, days } = parseSince(c.req.query('since'));
    const now = deps.now();
    const asOf = await dataAsOf(deps.db, now);
    const window = { asOf, recentDays: days, baselineDays: days };
    const { start, end } = windowBounds(window);
    const [modules, analysis] = await Promise.all([
      moduleTrends(deps.db, window),
      detectRegressions(deps.db, window),
    ]);
    return c.html(
      <ModulesPage
        admin={c.get('admin')}
        modules={modules}
        incidents={groupIncidents(analysis.alerts)}
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
