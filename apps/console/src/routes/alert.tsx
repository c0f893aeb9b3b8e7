import { alertEvidence, dataAsOf, detectRegressions, windowBounds } from '@mana/analytics';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { AlertPage } from '../views/alert-page';
import { parseSince } from '../window';

/** How many ratings and failed calls the evidence lists. */
export const EVIDENCE_LIMIT = 100;

/**
 * `GET /alerts/:id?since=7d` (an alert id such as `rating_drop:<module>` or
 * `failure_rate:<tool>`, URL-encoded): the alert's numbers and the rows behind it. An
 * alert that does not fire for this window is a 404 that says so.
 */
export function alertRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const id = c.req.param('id');
    const { since, days } = parseSince(c.req.query('since'));
    const now = deps.now();
    const asOf = await dataAsOf(deps.db, now);
    const window = { asOf, recentDays: days, baselineDays: days };
    const analysis = await detectRegressions(deps.db, window);
    const alert = analysis.alerts.find((a) => a.id === id);
    if (!alert) {
      throw new HTTPException(404, {
        message: `The alert "${id}" is not firing for the last ${since}: the regression it reported is no longer significant, or the id is wrong.`,
      });
    }
    const evidence = await alertEvidence(deps.db, alert, window, { limit: EVIDENCE_LIMIT });
    return c.html(
      <AlertPage
        admin={c.get('admin')}
        alert={alert}
        evidence={evidence}
        thresholds={analysis.thresholds}
        family={analysis.family}
        bounds={windowBounds(window)}
        since={since}
        sinceDays={days}
        asOf={asOf}
        now={now}
      />,
    );
  });
}
