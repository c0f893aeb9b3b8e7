import type { ReleaseMarker } from '@mana/contracts';
import { type Database, releaseMarkers, toIso } from '@mana/db';
import { asc, eq } from 'drizzle-orm';

/** What {@link recordRelease} stores. */
export interface ReleaseInput {
  name: string;
  at: Date;
  note?: string | undefined;
  /** The admin's email, or `service-key` for CI. */
  createdBy: string;
}

/** Records a release marker; `null` when the name is already taken (nothing written). */
export async function recordRelease(
  db: Database,
  input: ReleaseInput,
): Promise<ReleaseMarker | null> {
  const note = input.note?.trim() ? input.note.trim() : null;
  const rows = await db
    .insert(releaseMarkers)
    .values({ name: input.name, at: input.at, note, createdBy: input.createdBy })
    .onConflictDoNothing({ target: releaseMarkers.name })
    .returning();
  const row = rows[0];
  if (!row) return null;
  return { name: row.name, at: toIso(row.at) as string, note: row.note, createdBy: row.createdBy };
}

/** Every release marker, oldest first. */
export async function listReleases(db: Database): Promise<ReleaseMarker[]> {
  const rows = await db
    .select()
    .from(releaseMarkers)
    .orderBy(asc(releaseMarkers.at), asc(releaseMarkers.id));
  return rows.map((r) => ({
    name: r.name,
    at: toIso(r.at) as string,
    note: r.note,
    createdBy: r.createdBy,
  }));
}

/** One release marker by name, or null. */
export async function findRelease(db: Database, name: string): Promise<ReleaseMarker | null> {
  const rows = await db.select().from(releaseMarkers).where(eq(releaseMarkers.name, name));
  const r = rows[0];
  return r
    ? { name: r.name, at: toIso(r.at) as string, note: r.note, createdBy: r.createdBy }
    : null;
}
