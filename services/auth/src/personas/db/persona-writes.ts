import {
  type ActionRow,
  actionId,
  type BatchAnswer,
  type FeedbackRow,
  feedbackId,
  outcomeOf,
  type TickRecord,
} from '@mana/contracts';
import { type Database, personaActions, personaFeedback, personas, personaTicks } from '@mana/db';
import { eq, sql } from 'drizzle-orm';
import { storeTranscript } from './transcripts';

/**
 * Stores a batch of actions in one transaction: rows whose id exists are skipped
 * (`ON CONFLICT DO NOTHING`), so replays and concurrent copies insert once. When
 * anything was new, the persona's `last_active_at` moves to `now`.
 */
export async function insertActions(
  db: Database,
  personaId: string,
  rows: readonly ActionRow[],
  now: Date,
): Promise<BatchAnswer> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(personaActions)
      .values(
        rows.map((row) => ({
          id: actionId(row),
          personaId,
          tickId: row.tickId,
          seq: row.index,
          toolName: row.toolName,
          module: row.module,
          spaceId: row.spaceId,
          toolUseId: row.toolUseId ?? null,
          inputHash: row.inputHash ?? null,
          result: row.result,
          errorMessage: row.errorMessage ?? null,
          latencyMs: row.latencyMs ?? null,
          errorKind: row.errorKind ?? null,
          errorSignature: row.errorMessage ? sql`auth.error_signature(${row.errorMessage})` : null,
          outcome: outcomeOf(row),
          checkStatus: row.check?.status ?? null,
          checkExpected: row.check?.expected ?? null,
          checkSeen: row.check?.seen ?? null,
          checkBy: row.check?.by ?? null,
          checkOf: row.checkOf ?? null,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: personaActions.id })
      .returning({ id: personaActions.id });
    if (inserted.length > 0) await touchPersona(tx, personaId, now);
    return { inserted: inserted.length, duplicates: rows.length - inserted.length };
  });
}

/** Stores a batch of ratings in one transaction, skipping ids stored before. */
export async function insertFeedback(
  db: Database,
  personaId: string,
  rows: readonly FeedbackRow[],
  now: Date,
): Promise<BatchAnswer> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(personaFeedback)
      .values(
        rows.map((row) => ({
          id: feedbackId(row),
          personaId,
          tickId: row.tickId,
          module: row.module,
          rating: row.rating,
          notes: row.notes ?? null,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: personaFeedback.id })
      .returning({ id: personaFeedback.id });
    return { inserted: inserted.length, duplicates: rows.length - inserted.length };
  });
}

/** The tick record as the runner reports it, with its instants as dates. */
export type TickInput = Omit<TickRecord, 'startedAt' | 'finishedAt'> & {
  startedAt: Date;
  finishedAt?: Date | null | undefined;
};

/** Raised when a tick id is already recorded for another persona. */
export class TickOwnerConflictError extends Error {
  constructor(readonly tickId: string) {
    super(`Tick ${tickId} belongs to another persona`);
    this.name = 'TickOwnerConflictError';
  }
}

/**
 * Creates or replaces the tick record, and its transcript when it carries one (in the
 * same transaction). A tick that ends `ok` moves the persona's `last_active_at` to
 * `now`, so a day without tool calls still counts as lived. Returns whether the record
 * was new.
 */
export async function upsertTick(
  db: Database,
  personaId: string,
  tickId: string,
  input: TickInput,
  now: Date,
): Promise<{ created: boolean }> {
  return db.transaction(async (tx) => {
    const values = {
      personaId,
      runnerId: input.runnerId ?? null,
      brain: input.brain ?? null,
      model: input.model ?? null,
      spaceId: input.spaceId ?? null,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt ?? null,
      status: input.status,
      error: input.error ?? null,
      actionsCount: input.actionsCount ?? 0,
      inputTokens: input.inputTokens ?? null,
      outputTokens: input.outputTokens ?? null,
      cacheReadTokens: input.cacheReadTokens ?? null,
      cacheWriteTokens: input.cacheWriteTokens ?? null,
      costUsd: input.costUsd ?? null,
    };
    const [existing] = await tx
      .select({ personaId: personaTicks.personaId })
      .from(personaTicks)
      .where(eq(personaTicks.id, tickId))
      .for('update');
    if (existing && existing.personaId !== personaId) throw new TickOwnerConflictError(tickId);
    await tx
      .insert(personaTicks)
      .values({ id: tickId, ...values })
      .onConflictDoUpdate({ target: personaTicks.id, set: values });
    if (input.transcript) await storeTranscript(tx, personaId, tickId, input.transcript, now);
    if (input.status === 'ok') await touchPersona(tx, personaId, now);
    return { created: !existing };
  });
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function touchPersona(tx: Tx, personaId: string, now: Date): Promise<void> {
  await tx
    .update(personas)
    .set({
      lastActiveAt: sql`greatest(coalesce(${personas.lastActiveAt}, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(personas.userId, personaId));
}
