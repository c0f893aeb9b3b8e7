import type { IncidentStatus, IncidentStatusEvent } from '@mana/contracts';
import { type Database, incidentStatusEvents, toIso } from '@mana/db';
import { asc, inArray } from 'drizzle-orm';

/** An incident's current status and every change that led there, oldest first. */
export interface IncidentState {
  status: IncidentStatus;
  history: IncidentStatusEvent[];
}

/** What {@link recordIncidentStatus} stores. */
export interface IncidentStatusChange {
  incidentId: string;
  status: IncidentStatus;
  /** The admin's email, or `service-key`. */
  actor: string;
  note?: string | undefined;
  at: Date;
}

/** Stores one status change; the history keeps every one. */
export async function recordIncidentStatus(
  db: Database,
  change: IncidentStatusChange,
): Promise<IncidentStatusEvent> {
  const note = change.note?.trim() ? change.note.trim() : null;
  await db.insert(incidentStatusEvents).values({
    incidentId: change.incidentId,
    status: change.status,
    actor: change.actor,
    note,
    createdAt: change.at,
  });
  return {
    incidentId: change.incidentId,
    status: change.status,
    actor: change.actor,
    note,
    at: change.at.toISOString(),
  };
}

/**
 * The status and history of each incident id; an id never changed is `open` with an
 * empty history.
 */
export async function incidentStates(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, IncidentState>> {
  const states = new Map<string, IncidentState>(
    ids.map((id) => [id, { status: 'open', history: [] }]),
  );
  if (ids.length === 0) return states;
  const rows = await db
    .select()
    .from(incidentStatusEvents)
    .where(inArray(incidentStatusEvents.incidentId, [...ids]))
    .orderBy(asc(incidentStatusEvents.createdAt), asc(incidentStatusEvents.id));
  for (const row of rows) {
    const state = states.get(row.incidentId);
    if (!state) continue;
    state.status = row.status;
    state.history.push({
      incidentId: row.incidentId,
      status: row.status,
      actor: row.actor,
      note: row.note,
      at: toIso(row.createdAt) as string,
    });
  }
  return states;
}
