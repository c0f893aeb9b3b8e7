import type { ActionRow, FeedbackRow, TickRecord } from '@mana/contracts';
import type { InternalApiClient } from '../clients/internal-api';

/** A write that could not be delivered yet. */
export type PendingWrite =
  | { kind: 'actions'; personaId: string; rows: ActionRow[] }
  | { kind: 'feedback'; personaId: string; rows: FeedbackRow[] }
  | { kind: 'tick'; personaId: string; tickId: string; record: TickRecord };

/**
 * Writes the identity service did not take even after retries wait here and are sent
 * again, in order, before the next tick. Every write is idempotent by its ids, so
 * sending one twice stores it once: nothing a persona did is lost to an outage.
 *
 * @example
 * const outbox = new Outbox(api);
 * await outbox.send({ kind: 'tick', personaId, tickId, record }); // kept if it fails
 * await outbox.flush(); // before the next tick
 */
export class Outbox {
  readonly #api: InternalApiClient;
  #pending: PendingWrite[] = [];

  constructor(api: InternalApiClient) {
    this.#api = api;
  }

  get size(): number {
    return this.#pending.length;
  }

  /** Sends a write now; keeps it (and later ones of the same persona) if that fails. */
  async send(write: PendingWrite): Promise<void> {
    if (this.#pending.some((p) => p.personaId === write.personaId)) {
      // Keep a persona's writes in order: actions before the tick that counts them.
      this.#pending.push(write);
      throw new Error('earlier writes of this persona are still pending');
    }
    try {
      await this.#deliver(write);
    } catch (error) {
      this.#pending.push(write);
      throw error;
    }
  }

  /** Sends what is pending, oldest first; stops at the first failure. Returns how many went out. */
  async flush(): Promise<number> {
    let sent = 0;
    while (this.#pending.length > 0) {
      const write = this.#pending[0] as PendingWrite;
      await this.#deliver(write);
      this.#pending.shift();
      sent++;
    }
    return sent;
  }

  async #deliver(write: PendingWrite): Promise<void> {
    const api = this.#api;
    if (write.kind === 'actions') await api.postActions(write.personaId, write.rows);
    else if (write.kind === 'feedback') await api.postFeedback(write.personaId, write.rows);
    else await api.putTick(write.personaId, write.tickId, write.record);
  }
}
