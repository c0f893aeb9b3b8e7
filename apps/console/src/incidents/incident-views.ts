import {
  type AnalysisWindow,
  evidencePersonas,
  groupIncidents,
  incidentStates,
  type ReportAlert,
} from '@mana/analytics';
import type { Database } from '@mana/db';
import { byStatus, type IncidentView } from '../views/incident-list';

/**
 * The report's alerts grouped into incidents, each with its stored status and history,
 * open ones first, and who is behind its lead alert's evidence (all of it, not the first
 * rows: one query for every incident).
 */
export async function incidentViews(
  db: Database,
  alerts: readonly ReportAlert[],
  window: AnalysisWindow,
): Promise<IncidentView[]> {
  const incidents = groupIncidents(alerts);
  const [states, whom] = await Promise.all([
    incidentStates(
      db,
      incidents.map((i) => i.id),
    ),
    evidencePersonas(
      db,
      incidents.map((i) => i.lead),
      window,
    ),
  ]);
  return byStatus(
    incidents.map((i, k) => ({
      ...i,
      state: states.get(i.id) ?? { status: 'open', history: [] },
      whom: whom[k] ?? [],
    })),
  );
}
