import { redactSecrets, type Transcript } from '@mana/contracts';
import { type Database, personaTranscripts } from '@mana/db';
import { lt } from 'drizzle-orm';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Stores (or replaces) a tick's transcript inside the tick's transaction. Every text is
 * redacted again here, whatever the sender did: a secret a tool echoed must not reach
 * the database even from a runner that forgot to redact.
 */
export async function storeTranscript(
  tx: Tx | Database,
  personaId: string,
  tickId: string,
  transcript: Transcript,
  now: Date,
): Promise<void> {
  const values = {
    personaId,
    entries: transcript.entries.map((e) => ({ ...e, text: redactSecrets(e.text) })),
    dropped: transcript.dropped,
    createdAt: now,
  };
  await tx
    .insert(personaTranscripts)
    .values({ tickId, ...values })
    .onConflictDoUpdate({ target: personaTranscripts.tickId, set: values });
}

/**
 * Deletes transcripts stored more than `retentionDays` days before `now`
 * (`TRANSCRIPT_RETENTION_DAYS`). Returns how many went.
 */
export async function purgeTranscripts(
  db: Database,
  now: Date,
  retentionDays: number,
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const gone = await db
    .delete(personaTranscripts)
    .where(lt(personaTranscripts.createdAt, cutoff))
    .returning({ tickId: personaTranscripts.tickId });
  return gone.length;
}
