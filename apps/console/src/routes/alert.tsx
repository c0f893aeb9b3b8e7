import {
  alertEvidence,
  dataAsOf,
  detectRegressions,
  evidenceGroups,
  windowBounds,
} from '@mana/analytics';
import { validate } from '@mana/http';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { AlertPage } from '../views/alert-page';
import { parseSince } from '../window';
import { evidenceQuerySchema, utcInstant } from './evidence-query';

/** Rows per page of evidence. */
export const EVIDENCE_PAGE_SIZE = 50;

/**
 * `GET /alerts/:id?since=7d&persona=&tool=&outcome=&from=&to=&page=&size=` (an alert id such as
 * `rating_drop:<module>` or `failure_rate:<tool>`, URL-encoded): the alert's numbers, its
 * evidence counted by error class and by persona, then one page of the rows behind it.
 * An alert that does not fire for this window is a 404 that says so.
 */
export function alertRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>().get('/:id', async (c) => {
    const id = c.req.param('id');
    const { since, days } = parseSince(c.req.query('since'));
    const query = validate(evidenceQuerySchema, c.req.query(), 'query');
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
    const filter = {
      persona: query.persona,
      tool: query.tool,
      outcome: query.outcome,
      from: utcInstant(query.from),
      to: utcInstant(query.to),
    };
    const size = query.size ?? EVIDENCE_PAGE_SIZE;
    const [evidence, groups] = await Promise.all([
      alertEvidence(deps.db, alert, window, {
        limit: size,
        offset: (query.page - 1) * size,
        filter,
      }),
      evidenceGroups(deps.db, alert, window, filter),
    ]);
    return c.html(
      <AlertPage
        admin={c.get('admin')}
        alert={alert}
        evidence={evidence}
        groups={groups}
        query={query}
        page={query.page}
        pageSize={size}
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
