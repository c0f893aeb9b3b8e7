import type { TranscriptEntry } from '@mana/contracts';
import { type Database, personaTranscripts, toIso } from '@mana/db';
import { eq } from 'drizzle-orm';

/** A tick's stored conversation, as the console shows it next to its action rows. */
export interface TickTranscript {
  tickId: string;
  entries: TranscriptEntry[];
  /** Entries that did not fit the day's caps. */
  dropped: number;
  createdAt: string;
}

/**
 * The transcript of one tick; null when none was stored (a tick from before transcripts,
 * a day that said nothing, or one purged after `TRANSCRIPT_RETENTION_DAYS`).
 */
export async function tickTranscript(db: Database, tickId: string): Promise<TickTranscript | null> {
  const [row] = await db
    .select()
    .from(personaTranscripts)
    .where(eq(personaTranscripts.tickId, tickId));
  if (!row) return null;
  return {
    tickId: row.tickId,
    entries: row.entries,
    dropped: row.dropped,
    createdAt: toIso(row.createdAt) as string,
  };
}
