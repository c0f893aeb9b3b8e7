import {
  type ActionRow,
  actionId,
  type BatchAnswer,
  type FeedbackRow,
  feedbackId,
  outcomeOf,
  type TickRecord,
} from '@mana/contracts';
import { type Database, personaFeedback, personas, personaTicks } from '@mana/db';
import { and, eq, sql } from 'drizzle-orm';
import { storeTranscript } from './transcripts';

/**
 * Stores a batch of actions in one statement: the rows travel as one JSON document,
 * `jsonb_to_recordset` turns them into rows, one INSERT stores them and rows whose id
 * exists are skipped (`ON CONFLICT DO NOTHING`), so replays and concurrent copies insert
 * once; when anything was new, the persona's `last_active_at` moves to `now` in the same
 * statement. One statement is one transaction: a row the database refuses takes the
 * batch with it. One round trip, no query builder per row (issue 11: the builder took
 * longer than the INSERT at 500 rows, over 5 round trips).
 */
export async function insertActions(
  db: Tx | Database,
  personaId: string,
  rows: readonly ActionRow[],
  now: Date,
): Promise<BatchAnswer> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  const at = now.toISOString();
  const result = (await db.execute(sql`
    with batch as (
      select * from jsonb_to_recordset(${actionsJson(rows)}::jsonb) as r(
        id text, tick_id text, seq integer, tool_name text, module text, space_id text,
        tool_use_id text, input_hash text, result text, error_message text,
        latency_ms integer, error_kind text, outcome text, check_status text,
        check_expected text, check_seen text, check_by integer, check_of integer)
    ), inserted as (
      insert into auth.persona_actions (
        id, persona_id, tick_id, seq, tool_name, module, space_id, tool_use_id, input_hash,
        result, error_message, latency_ms, error_kind, error_signature, outcome, check_status,
        check_expected, check_seen, check_by, check_of, created_at)
      select id, ${personaId}, tick_id, seq, tool_name, module, space_id, tool_use_id,
        input_hash, result, error_message, latency_ms, error_kind,
        case when error_message <> '' then auth.error_signature(error_message) end,
        outcome, check_status, check_expected, check_seen, check_by, check_of,
        ${at}::timestamptz
      from batch
      on conflict (id) do nothing
      returning 1
    ), touched as (
      update auth.personas
      set last_active_at = greatest(coalesce(last_active_at, ${at}::timestamptz), ${at}::timestamptz)
      where user_id = ${personaId} and exists (select 1 from inserted)
    )
    select count(*)::int as inserted from inserted
  `)) as unknown as { rows: { inserted: number }[] };
  const inserted = Number(result.rows[0]?.inserted ?? 0);
  return { inserted, duplicates: rows.length - inserted };
}

/**
 * The rows as the JSON `insertActions` sends, keyed by column. A string that is not
 * well-formed UTF-16 (a lone surrogate, which `jsonb` refuses) is stored with U+FFFD in
 * its place, as a text parameter would have been.
 */
function actionsJson(rows: readonly ActionRow[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      id: actionId(row),
      tick_id: row.tickId,
      seq: row.index,
      tool_name: row.toolName,
      module: row.module,
      space_id: row.spaceId,
      tool_use_id: row.toolUseId,
      input_hash: row.inputHash,
      result: row.result,
      error_message: row.errorMessage,
      latency_ms: row.latencyMs,
      error_kind: row.errorKind,
      outcome: outcomeOf(row),
      check_status: row.check?.status,
      check_expected: row.check?.expected,
      check_seen: row.check?.seen,
      check_by: row.check?.by,
      check_of: row.checkOf,
    })),
    (_key, value: unknown) =>
      typeof value === 'string' ? value.replace(LONE_SURROGATE, '\uFFFD') : value,
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Stores a batch of ratings, skipping ids stored before. One statement, so one
 * transaction of its own (no BEGIN/COMMIT around it: two statements fewer per batch).
 */
export async function insertFeedback(
  db: Tx | Database,
  personaId: string,
  rows: readonly FeedbackRow[],
  now: Date,
): Promise<BatchAnswer> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  const inserted = await db
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
}

/** The tick record as the runner reports it, with its instants as dates. */
export type TickInput = Omit<TickRecord, 'startedAt' | 'finishedAt'> & {
  startedAt: Date;
  finishedAt?: Date | null | undefined;
};

/**
 * Raised when a tick record cannot be applied: its id is recorded for another persona,
 * or the tick was `abandoned` (its runner's lease ran out and another runner took the
 * persona over), so a late record from the runner that lost it must not revive it.
 */
export class TickOwnerConflictError extends Error {
  constructor(
    readonly tickId: string,
    readonly reason: 'other_persona' | 'abandoned' = 'other_persona',
  ) {
    super(
      reason === 'abandoned'
        ? `Tick ${tickId} was abandoned (its runner's lease ran out and another runner took the persona over): a late record is not applied`
        : `Tick ${tickId} belongs to another persona`,
    );
    this.name = 'TickOwnerConflictError';
  }
}

/**
 * Creates or replaces the tick record, and its transcript when it carries one (in the
 * same transaction). A tick that ends `ok` moves the persona's `last_active_at` to
 * `now`, so a day without tool calls still counts as lived. Returns whether the record
 * was new. The record is one `INSERT … ON CONFLICT DO UPDATE … WHERE` the stored tick is
 * this persona's and not `abandoned` (no row back: refused, see
 * {@link TickOwnerConflictError}), so a tick that only starts (`running`, no transcript)
 * is one statement, not a transaction of four.
 */
export async function upsertTick(
  db: Database,
  personaId: string,
  tickId: string,
  input: TickInput,
  now: Date,
): Promise<{ created: boolean }> {
  if (!input.transcript && input.status !== 'ok') {
    return writeTick(db, personaId, tickId, input, now);
  }
  return db.transaction(async (tx) => {
    const written = await writeTick(tx, personaId, tickId, input, now);
    if (input.status === 'ok') await touchPersona(tx, personaId, now);
    return written;
  });
}

/** A finished persona-day: its tick record, its action rows and its ratings. */
export interface DayInput {
  record: TickInput;
  actions: readonly ActionRow[];
  feedback: readonly FeedbackRow[];
  /** Give back `record.runnerId`'s claim on the persona too. */
  release?: boolean | undefined;
}

/**
 * Stores a persona-day in one transaction: the tick record (and its transcript), then its
 * actions and its ratings, through the statements of {@link upsertTick},
 * {@link insertActions} and {@link insertFeedback} (issue 11: one request and one
 * transaction per day instead of three). All or nothing: a tick refused with
 * {@link TickOwnerConflictError} (abandoned, or another persona's) stores none of the
 * day's rows. Replays are idempotent as each write is.
 */
export async function storeDay(
  db: Database,
  personaId: string,
  tickId: string,
  day: DayInput,
  now: Date,
): Promise<{ created: boolean; actions: BatchAnswer; feedback: BatchAnswer; released: boolean }> {
  return db.transaction(async (tx) => {
    // The tick first: a refused one ends the transaction before any row is sent.
    const { created } = await writeTick(tx, personaId, tickId, day.record, now);
    const actions = await insertActions(tx, personaId, day.actions, now);
    const feedback = await insertFeedback(tx, personaId, day.feedback, now);
    // An `ok` day moves last_active_at; new actions have moved it to `now` already.
    if (day.record.status === 'ok' && actions.inserted === 0) {
      await touchPersona(tx, personaId, now);
    }
    const runnerId = day.record.runnerId;
    const released =
      day.release === true && runnerId ? await releaseClaim(tx, personaId, runnerId) : false;
    return { created, actions, feedback, released };
  });
}

/**
 * The record and transcript statements of a tick upsert, in the caller's transaction when
 * it has one: the record (refused with {@link TickOwnerConflictError}), then its transcript.
 */
async function writeTick(
  tx: Tx | Database,
  personaId: string,
  tickId: string,
  input: TickInput,
  now: Date,
): Promise<{ created: boolean }> {
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
  const [row] = await tx
    .insert(personaTicks)
    .values({ id: tickId, ...values })
    .onConflictDoUpdate({
      target: personaTicks.id,
      set: values,
      setWhere: sql`${personaTicks.personaId} = ${personaId} and ${personaTicks.status} <> 'abandoned'`,
    })
    // xmax is 0 on a row this statement inserted, the updater's id on one it updated.
    .returning({ created: sql<boolean>`(xmax = 0)` });
  if (!row) {
    const [stored] = await tx
      .select({ personaId: personaTicks.personaId })
      .from(personaTicks)
      .where(eq(personaTicks.id, tickId));
    throw new TickOwnerConflictError(
      tickId,
      stored?.personaId === personaId ? 'abandoned' : 'other_persona',
    );
  }
  if (input.transcript) await storeTranscript(tx, personaId, tickId, input.transcript, now);
  return { created: Boolean(row.created) };
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Drops `runnerId`'s claim on the persona; false when it held none. */
async function releaseClaim(tx: Tx, personaId: string, runnerId: string): Promise<boolean> {
  const released = await tx
    .update(personas)
    .set({ claimedBy: null, leaseUntil: null })
    .where(and(eq(personas.userId, personaId), eq(personas.claimedBy, runnerId)))
    .returning({ userId: personas.userId });
  return released.length > 0;
}

async function touchPersona(tx: Tx | Database, personaId: string, now: Date): Promise<void> {
  await tx
    .update(personas)
    .set({
      lastActiveAt: sql`greatest(coalesce(${personas.lastActiveAt}, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(personas.userId, personaId));
}
