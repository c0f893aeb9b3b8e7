import { type Database, personaDeadLetters, toIso } from '@mana/db';
import { count, desc, eq } from 'drizzle-orm';

/** How many of a persona's writes were refused for good, and the latest one. */
export interface DeadLetterSummary {
  count: number;
  latest: { kind: string; status: number; reason: string; createdAt: string } | null;
}

/**
 * A persona's dead letters in brief (writes the identity service refused for good), for
 * the console's persona page: the count and the newest letter's kind and reason.
 */
export async function personaDeadLetterSummary(
  db: Database,
  personaId: string,
): Promise<DeadLetterSummary> {
  const where = eq(personaDeadLetters.personaId, personaId);
  const [total] = await db.select({ n: count() }).from(personaDeadLetters).where(where);
  const [latest] = await db
    .select({
      kind: personaDeadLetters.kind,
      status: personaDeadLetters.status,
      reason: personaDeadLetters.reason,
      createdAt: personaDeadLetters.createdAt,
    })
    .from(personaDeadLetters)
    .where(where)
    .orderBy(desc(personaDeadLetters.createdAt))
    .limit(1);
  return {
    count: Number(total?.n ?? 0),
    latest: latest ? { ...latest, createdAt: toIso(latest.createdAt) as string } : null,
  };
}
