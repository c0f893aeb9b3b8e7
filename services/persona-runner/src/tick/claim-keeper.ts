import type { DuePersona } from '@mana/contracts';
import type { Logger } from 'pino';
import type { InternalApiClient } from '../clients/internal-api';
import type { RunnerMetrics } from '../metrics';

/** Raised into a persona's day when its lease was taken away: another runner may live it. */
export class LeaseLostError extends Error {
  constructor(personaId: string) {
    super(`the lease on persona ${personaId} was lost; another runner may live this day`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The personas one tick holds leases on. It claims due personas in small batches as the
 * pool asks for them (so several runners share the due set instead of one taking it
 * all), renews every held lease at a third of its length while the days run, aborts the
 * day of a persona whose lease was lost, and releases what it holds: a persona as soon
 * as its day went well, the rest (failed days, personas never started because the
 * runner is stopping) when the tick ends, so none is claimed twice in one tick.
 */
export class ClaimKeeper {
  readonly #api: InternalApiClient;
  readonly #runnerId: string;
  readonly #leaseSeconds: number;
  readonly #log: Logger;
  readonly #metrics: RunnerMetrics;
  /** Held persona → aborted when its lease is lost. */
  readonly #held = new Map<string, AbortController>();
  readonly #seen = new Set<string>();
  readonly #queue: DuePersona[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #claiming: Promise<void> | undefined;
  #exhausted = false;

  constructor(options: {
    api: InternalApiClient;
    runnerId: string;
    leaseSeconds: number;
    logger: Logger;
    metrics: RunnerMetrics;
  }) {
    this.#api = options.api;
    this.#runnerId = options.runnerId;
    this.#leaseSeconds = options.leaseSeconds;
    this.#log = options.logger;
    this.#metrics = options.metrics;
    this.#timer = setInterval(() => void this.#renew(), (this.#leaseSeconds * 1000) / 3);
    this.#timer.unref?.();
  }

  /** Personas claimed so far in this tick. */
  get claimed(): number {
    return this.#seen.size;
  }

  /**
   * The next claimed persona to live, with the signal that aborts when its lease is lost;
   * undefined when nothing more is due, `limit` personas were claimed, or `stop` says so.
   * Claims a batch of `batch` when none is queued (one claim at a time).
   */
  async next(
    batch: number,
    limit: number,
    stop: () => boolean,
  ): Promise<{ persona: DuePersona; lost: AbortSignal } | undefined> {
    while (this.#queue.length === 0 && !this.#exhausted && !stop()) {
      const room = limit - this.#seen.size;
      if (room <= 0) return undefined;
      this.#claiming ??= this.#claim(Math.min(batch, room)).finally(() => {
        this.#claiming = undefined;
      });
      await this.#claiming;
    }
    if (stop()) return undefined;
    const persona = this.#queue.shift();
    if (!persona) return undefined;
    const lost = this.#held.get(persona.userId)?.signal ?? AbortSignal.abort();
    return { persona, lost };
  }

  /** A day ended: a good one gives its persona back now, the others wait for {@link end}. */
  async done(personaId: string, ok: boolean): Promise<void> {
    if (ok) await this.#release([personaId]);
  }

  /** Stops renewing and releases every persona still held. Never throws. */
  async end(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#queue.length = 0;
    await this.#release([...this.#held.keys()]);
  }

  async #claim(limit: number): Promise<void> {
    const answer = await this.#api.claim(this.#runnerId, limit, this.#leaseSeconds);
    const fresh = answer.personas.filter((p) => !this.#seen.has(p.userId));
    for (const p of answer.personas) {
      if (!this.#held.has(p.userId)) this.#held.set(p.userId, new AbortController());
    }
    this.#metrics.claim('claimed', answer.personas.length);
    if (fresh.length === 0) this.#exhausted = true;
    for (const p of fresh) {
      this.#seen.add(p.userId);
      this.#queue.push(p);
    }
  }

  async #renew(): Promise<void> {
    const ids = [...this.#held.keys()];
    if (ids.length === 0) return;
    try {
      const kept = new Set<string>();
      for (const part of chunks(ids)) {
        for (const id of await this.#api.renewClaims(this.#runnerId, part, this.#leaseSeconds)) {
          kept.add(id);
        }
      }
      for (const id of ids) {
        if (kept.has(id)) continue;
        this.#metrics.claim('lost');
        this.#log.warn({ personaId: id }, 'lease lost: stopping this persona’s day');
        this.#held.get(id)?.abort(new LeaseLostError(id));
        this.#held.delete(id);
      }
    } catch (error) {
      // The next renewal tries again; a lease outlives two missed renewals.
      this.#log.warn({ err: error }, 'renewing leases failed');
    }
  }

  async #release(ids: string[]): Promise<void> {
    const mine = ids.filter((id) => this.#held.has(id));
    if (mine.length === 0) return;
    for (const id of mine) this.#held.delete(id);
    try {
      for (const part of chunks(mine)) await this.#api.releaseClaims(this.#runnerId, part);
      this.#metrics.claim('released', mine.length);
    } catch (error) {
      // Not fatal: the leases expire on their own and the personas are due again then.
      this.#log.warn({ err: error, personas: mine.length }, 'releasing leases failed');
    }
  }
}

/** The claims API takes at most 1,000 ids a request. */
function chunks(ids: string[], size = 500): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
