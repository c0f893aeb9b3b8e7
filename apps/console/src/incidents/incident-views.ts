import { groupIncidents, incidentStates, type ReportAlert } from '@mana/analytics';
import type { Database } from '@mana/db';
import { byStatus, type IncidentView } from '../views/incident-list';

/**
 * The report's alerts grouped into incidents, each with its stored status and history,
 * open ones first.
 */
export async function incidentViews(
  db: Database,
  alerts: readonly ReportAlert[],
): Promise<IncidentView[]> {
  const incidents = groupIncidents(alerts);
  const states = await incidentStates(
    db,
    incidents.map((i) => i.id),
  );
  return byStatus(
    incidents.map((i) => ({ ...i, state: states.get(i.id) ?? { status: 'open', history: [] } })),
  );
}
