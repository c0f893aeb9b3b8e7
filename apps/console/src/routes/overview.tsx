import { buildReport, spendToday, windowBounds } from '@mana/analytics';
import { Hono } from 'hono';
import { dayRange } from '../charts/scale';
import type { ConsoleEnv, PageDeps } from '../context';
import { incidentViews } from '../incidents/incident-views';
import { OverviewPage } from '../views/overview-page';
import { parseSince } from '../window';

/** `GET /?since=7d`: the overview over the chosen window (the operator report). */
export function overviewRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/', async (c) => {
    const { since, days } = parseSince(c.req.query('since'));
    const now = deps.now();
    const report = await buildReport(deps.db, { now, sinceDays: days });
    const window = { asOf: new Date(report.asOf), recentDays: days, baselineDays: days };
    const incidents = await incidentViews(deps.db, report.alerts, window);
    const spend = await spendToday(deps.db, now, deps.budget);
    const { start, end } = windowBounds(window);
    return c.html(
      <OverviewPage
        admin={c.get('admin')}
        report={report}
        incidents={incidents}
        days={dayRange(start, end)}
        since={since}
        sinceDays={days}
        now={now}
        spend={spend}
      />,
    );
  });
}
