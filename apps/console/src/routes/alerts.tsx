import { buildReport, recordIncidentStatus } from '@mana/analytics';
import { incidentStatusRequestSchema } from '@mana/contracts';
import { validate } from '@mana/http';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ConsoleEnv, PageDeps } from '../context';
import { incidentViews } from '../incidents/incident-views';
import { AlertsPage } from '../views/alerts-page';
import { parseSince } from '../window';

/**
 * `GET /alerts?since=7d`: the incidents (alerts grouped by cause) with status and history;
 * `POST /alerts/incidents/:id/status` (form: `status`, `note`): records who moved a
 * firing incident to which status, then back to the list.
 */
export function alertListRoutes(deps: PageDeps) {
  return new Hono<ConsoleEnv>()
    .get('/', async (c) => {
      const { since, days } = parseSince(c.req.query('since'));
      const now = deps.now();
      const report = await buildReport(deps.db, { now, sinceDays: days });
      const incidents = await incidentViews(deps.db, report.alerts, {
        asOf: new Date(report.asOf),
        recentDays: days,
        baselineDays: days,
      });
      return c.html(
        <AlertsPage
          admin={c.get('admin')}
          incidents={incidents}
          alerts={report.alerts}
          tested={report.tested}
          since={since}
          sinceDays={days}
          asOf={new Date(report.asOf)}
          now={now}
        />,
      );
    })
    .post('/incidents/:id/status', async (c) => {
      const id = c.req.param('id');
      const { since, days } = parseSince(c.req.query('since'));
      const form = await c.req.parseBody();
      const body = validate(
        incidentStatusRequestSchema,
        { status: form.status, ...(typeof form.note === 'string' ? { note: form.note } : {}) },
        'form',
      );
      const now = deps.now();
      const report = await buildReport(deps.db, { now, sinceDays: days });
      const incidents = await incidentViews(deps.db, report.alerts, {
        asOf: new Date(report.asOf),
        recentDays: days,
        baselineDays: days,
      });
      if (!incidents.some((i) => i.id === id)) {
        throw new HTTPException(404, {
          message: `No incident "${id}" is firing for the last ${since}; nothing was recorded.`,
        });
      }
      await recordIncidentStatus(deps.db, {
        incidentId: id,
        status: body.status,
        actor: c.get('admin')?.email ?? 'unknown',
        note: body.note,
        at: now,
      });
      const back = since === '7d' ? '/alerts' : `/alerts?since=${encodeURIComponent(since)}`;
      return c.redirect(`${back}#incident-${encodeURIComponent(id)}`, 303);
    });
}
