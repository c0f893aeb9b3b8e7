import { createHash } from 'node:crypto';
import type { DeadLetter, StoredDeadLetter } from '@mana/contracts';
import { type Database, personaDeadLetters, toIso } from '@mana/db';
import { desc, eq } from 'drizzle-orm';

/**
 * Keeps a write refused for good. The id is a hash of the persona, kind, tick and
 * payload, so a letter sent twice (a retried request) is stored once. NUL bytes, which
 * PostgreSQL text refuses, are kept as `\u0000` in the reason.
 */
export async function insertDeadLetter(
  db: Database,
  personaId: string,
  letter: DeadLetter,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const id = createHash('sha256')
    .update(JSON.stringify([personaId, letter.kind, letter.tickId, letter.payload]))
    .digest('hex')
    .slice(0, 32);
  const inserted = await db
    .insert(personaDeadLetters)
    .values({
      id,
      personaId,
      kind: letter.kind,
      tickId: letter.tickId,
      runnerId: letter.runnerId,
      status: letter.status,
      reason: letter.reason.replaceAll('\u0000', '\\u0000'),
      payload: letter.payload.replaceAll('\u0000', '\\u0000'),
      createdAt: now,
    })
    .onConflictDoNothing({ target: personaDeadLetters.id })
    .returning({ id: personaDeadLetters.id });
  return { id, created: inserted.length > 0 };
}

/** Dead letters, newest first; one persona's when `personaId` is given. */
export async function listDeadLetters(
  db: Database,
  options: { personaId?: string | undefined; limit: number },
): Promise<StoredDeadLetter[]> {
  const query = db.select().from(personaDeadLetters);
  const rows = await (options.personaId
    ? query.where(eq(personaDeadLetters.personaId, options.personaId))
    : query
  )
    .orderBy(desc(personaDeadLetters.createdAt), personaDeadLetters.id)
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.id,
    personaId: r.personaId,
    kind: r.kind,
    tickId: r.tickId,
    runnerId: r.runnerId,
    status: r.status,
    reason: r.reason,
    payload: r.payload,
    createdAt: toIso(r.createdAt) as string,
  }));
}
