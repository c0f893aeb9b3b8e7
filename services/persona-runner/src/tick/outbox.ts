import {
  type ActionRow,
  type DeadLetter,
  type FeedbackRow,
  MAX_DEAD_LETTER_PAYLOAD,
  type TickRecord,
} from '@mana/contracts';
import type { Logger } from 'pino';
import { type InternalApiClient, InternalApiError } from '../clients/internal-api';
import type { RunnerMetrics } from '../metrics';
import type { Journal, OwedWrite } from './journal';

/** A write that could not be delivered yet. */
export type PendingWrite =
  | { kind: 'actions'; personaId: string; rows: ActionRow[] }
  | { kind: 'feedback'; personaId: string; rows: FeedbackRow[] }
  | { kind: 'tick'; personaId: string; tickId: string; record: TickRecord }
  /** A finished day in one request (issue 11); refused, it goes as the writes above. */
  | {
      kind: 'day';
      personaId: string;
      tickId: string;
      record: TickRecord;
      actions: ActionRow[];
      feedback: FeedbackRow[];
      /**
       * Give back the runner's claim with the day (it went well). Only on the day's first
       * sending: a day kept for later, or journaled, goes without it, so a late delivery
       * can never free a claim made since (by this runner id, perhaps in another process).
       */
      release?: boolean;
    };

/** `write` as it is kept or journaled: a day without its claim's release. */
function withoutRelease(write: PendingWrite): PendingWrite {
  if (write.kind !== 'day' || write.release === undefined) return write;
  const { release: _, ...kept } = write;
  return kept;
}

/** One of the separate writes a day is made of (and what a dead letter keeps). */
type PartWrite = Exclude<PendingWrite, { kind: 'day' }>;

/**
 * A day as the separate writes, in the order they must be stored (the tick record
 * counts the actions); a day without actions or ratings leaves those writes out.
 */
export function splitDay(day: Extract<PendingWrite, { kind: 'day' }>): PartWrite[] {
  const { personaId, tickId } = day;
  return [
    ...(day.actions.length > 0 ? [{ kind: 'actions' as const, personaId, rows: day.actions }] : []),
    ...(day.feedback.length > 0
      ? [{ kind: 'feedback' as const, personaId, rows: day.feedback }]
      : []),
    { kind: 'tick', personaId, tickId, record: day.record },
  ];
}

/** A write waiting in the outbox, with its journal id when journaled. */
interface OwedEntry {
  write: PendingWrite;
  id: number | undefined;
}

/** Who a dead letter is from, and where to count and log it. */
export interface DeadLetterSink {
  runnerId: string;
  metrics: RunnerMetrics;
  logger: Logger;
}

/**
 * Writes the identity service did not take even after retries wait here and are sent
 * again, in order, before the next tick. Every write is idempotent by its ids, so
 * sending one twice stores it once: nothing a persona did is lost to an outage.
 *
 * A write refused for good (a 4xx other than 408 and 429: retrying cannot help) is not
 * kept: it goes to the identity service's dead letters with the reason, is counted in
 * `persona_dead_letters_total`, and the persona's later writes go on (issue 10 item 3).
 * Only when the dead letter itself cannot be delivered yet does the write stay pending.
 * A refused `day` write is sent again as its separate writes ({@link splitDay}), each
 * stored or dead-lettered on its own: a bad rating costs the day only that rating, as
 * before days went in one request, and dead letters keep their three kinds and limits.
 *
 * @example
 * const outbox = new Outbox(api);
 * await outbox.send({ kind: 'day', personaId, tickId, record, actions, feedback }); // kept if it fails
 * await outbox.flush(); // before the next tick
 */
export class Outbox {
  readonly #api: InternalApiClient;
  readonly #sink: DeadLetterSink | undefined;
  readonly #journal: Journal | undefined;
  #pending: OwedEntry[] = [];

  /** With a journal, every write is journaled before it is sent and settled once acknowledged. */
  constructor(api: InternalApiClient, sink?: DeadLetterSink, journal?: Journal) {
    this.#api = api;
    this.#sink = sink;
    this.#journal = journal;
  }

  /** Takes back writes a crashed run still owed (`Journal.replay`); `flush` sends them. */
  restore(owed: readonly OwedWrite[]): void {
    this.#pending.push(...owed);
  }

  get size(): number {
    return this.#pending.length;
  }

  /**
   * Sends a write now; keeps it (and later ones of the same persona) if that fails.
   * Answers whether the write gave back the runner's claim on the persona (a `day` write
   * with `release`, stored in one request).
   */
  async send(write: PendingWrite): Promise<boolean> {
    const kept = withoutRelease(write);
    const id = this.#journal?.owe(kept);
    if (this.#pending.some((p) => p.write.personaId === write.personaId)) {
      // Keep a persona's writes in order: actions before the tick that counts them.
      this.#pending.push({ write: kept, id });
      throw new Error('earlier writes of this persona are still pending');
    }
    let released: boolean;
    try {
      released = await this.#deliver(write);
    } catch (error) {
      this.#pending.push({ write: kept, id });
      throw error;
    }
    if (id !== undefined) this.#journal?.done(id);
    return released;
  }

  /** Sends what is pending, oldest first; stops at the first failure. Returns how many went out. */
  async flush(): Promise<number> {
    let sent = 0;
    while (this.#pending.length > 0) {
      const { write, id } = this.#pending[0] as OwedEntry;
      await this.#deliver(write);
      this.#pending.shift();
      if (id !== undefined) this.#journal?.done(id);
      sent++;
    }
    return sent;
  }

  /** Stores `write`; true when it also gave back the runner's claim. */
  async #deliver(write: PendingWrite): Promise<boolean> {
    try {
      return await this.#write(write);
    } catch (error) {
      if (!(error instanceof InternalApiError)) throw error;
      if (write.kind !== 'day') {
        await this.#deadLetter(write, error);
        return false;
      }
      this.#sink?.logger.warn(
        { personaId: write.personaId, tickId: write.tickId, status: error.status, err: error },
        'day write refused: sending it as separate writes',
      );
      for (const part of splitDay(write)) await this.#deliver(part);
      return false;
    }
  }

  async #write(write: PendingWrite): Promise<boolean> {
    const api = this.#api;
    if (write.kind === 'actions') await api.postActions(write.personaId, write.rows);
    else if (write.kind === 'feedback') await api.postFeedback(write.personaId, write.rows);
    else if (write.kind === 'tick') await api.putTick(write.personaId, write.tickId, write.record);
    else {
      const { record, actions, feedback, release } = write;
      return api.putDay(write.personaId, write.tickId, {
        record,
        actions,
        feedback,
        ...(release ? { release } : {}),
      });
    }
    return false;
  }

  async #deadLetter(write: PartWrite, refusal: InternalApiError): Promise<void> {
    const payload = JSON.stringify(write.kind === 'tick' ? write.record : write.rows);
    const letter: DeadLetter = {
      kind: write.kind,
      tickId: write.kind === 'tick' ? write.tickId : (write.rows[0]?.tickId ?? null),
      runnerId: this.#sink?.runnerId ?? null,
      status: refusal.status,
      reason: refusal.message.slice(0, 4000),
      payload: payload.slice(0, MAX_DEAD_LETTER_PAYLOAD),
    };
    try {
      await this.#api.postDeadLetter(write.personaId, letter);
    } catch (error) {
      // Refused too (it never should be): logged with its reason rather than blocking
      // the persona for ever. A retryable failure keeps the write pending.
      if (!(error instanceof InternalApiError)) throw error;
      this.#sink?.logger.error(
        { err: error, personaId: write.personaId, kind: write.kind, tickId: letter.tickId },
        'a refused write could not be kept as a dead letter either; dropped',
      );
    }
    this.#sink?.metrics.deadLetter(write.kind);
    this.#sink?.logger.warn(
      {
        personaId: write.personaId,
        kind: write.kind,
        status: refusal.status,
        reason: letter.reason,
      },
      'write refused for good: kept as a dead letter',
    );
  }
}
