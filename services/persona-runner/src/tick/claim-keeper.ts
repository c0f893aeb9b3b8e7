import type { BudgetState, ClaimBudget, DuePersona } from '@mana/contracts';
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
 *
 * With a daily `budget`, every claim carries it and the identity service applies it to
 * today's stored ticks (`budget.ts` in contracts). The keeper stops handing out personas
 * once the cost cap is reached, by the claim's answer or by the cost of the days this
 * tick finished since: the personas still queued are released, not failed, and stay due.
 * A day that takes its persona past the token budget was finished; it is logged and
 * counted, and the identity service claims that persona no more today.
 */
export class ClaimKeeper {
  readonly #api: InternalApiClient;
  readonly #runnerId: string;
  readonly #leaseSeconds: number;
  readonly #log: Logger;
  readonly #metrics: RunnerMetrics;
  /** Held persona → aborted when its lease is lost. */
  readonly #held = new Map<string, AbortController>();
  /** Held personas whose day is being stored ({@link storingDay}). */
  readonly #storingDays = new Set<string>();
  readonly #seen = new Set<string>();
  readonly #queue: DuePersona[] = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #claiming: Promise<void> | undefined;
  /** Lanes waiting in {@link next} for a persona. */
  #waiting = 0;
  #exhausted = false;
  readonly #budget: ClaimBudget | undefined;
  /** Today's spend: the last claim's figure plus the days finished since. */
  #spentUsd = 0;
  #capReached = false;
  /** Tokens each claimed persona had used today before its day here. */
  readonly #tokensToday = new Map<string, number>();
  /** Finished days still being stored (with a budget only): the next claim waits for them. */
  readonly #storing = new Set<Promise<void>>();

  constructor(options: {
    api: InternalApiClient;
    runnerId: string;
    leaseSeconds: number;
    logger: Logger;
    metrics: RunnerMetrics;
    budget?: ClaimBudget | undefined;
  }) {
    this.#budget = options.budget;
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

  /** Whether the daily cost cap stopped this tick from starting more persona-days. */
  get capReached(): boolean {
    return this.#capReached;
  }

  /**
   * The next claimed persona to live, with the signal that aborts when its lease is lost;
   * undefined when nothing more is due, `limit` personas were claimed, or `stop` says so.
   * Claims when none is queued (one claim at a time), as many as lanes are waiting and at
   * least a quarter of `batch`: personas claimed but not started are held from the other
   * runners, so a full batch for one free lane left each runner up to `batch − 1` days
   * queued when the due set ran out, while the others idled (`bench:scale`).
   */
  async next(
    batch: number,
    limit: number,
    stop: () => boolean,
  ): Promise<{ persona: DuePersona; lost: AbortSignal } | undefined> {
    this.#waiting++;
    try {
      while (this.#queue.length === 0 && !this.#exhausted && !this.#capReached && !stop()) {
        const room = limit - this.#seen.size;
        if (room <= 0) return undefined;
        this.#claiming ??= this.#claimForWaiting(batch, room).finally(() => {
          this.#claiming = undefined;
        });
        await this.#claiming;
      }
    } finally {
      this.#waiting--;
    }
    if (stop() || this.#capReached) return undefined;
    const persona = this.#queue.shift();
    if (!persona) return undefined;
    const lost = this.#held.get(persona.userId)?.signal ?? AbortSignal.abort();
    return { persona, lost };
  }

  /**
   * A finished day is being stored while its lane lives the next. With a budget, the next
   * claim waits for it: the identity service answers a claim with today's spend from the
   * stored ticks, which would otherwise miss this day's cost.
   */
  storing(write: Promise<void>): void {
    if (!this.#budget) return;
    this.#storing.add(write);
    const forget = () => this.#storing.delete(write);
    write.then(forget, forget);
  }

  /**
   * A day ended: a good one gives its persona back now, unless its write already did
   * (`released`); the others wait for {@link end}.
   */
  async done(personaId: string, ok: boolean, released = false): Promise<void> {
    this.#storingDays.delete(personaId);
    if (released) {
      // Given back with the day's write: nothing left to release.
      if (this.#held.delete(personaId)) this.#metrics.claim('released', 1);
    } else if (ok) {
      await this.#release([personaId]);
    }
  }

  /**
   * The persona's day is being stored, and its write may give the claim back: a renewal
   * meanwhile that finds it gone is not a lost lease.
   */
  storingDay(personaId: string): void {
    this.#storingDays.add(personaId);
  }

  /**
   * What a finished day spent: counted toward today's cost (the cap may be reached now,
   * and no more days start) and toward its persona's tokens (logged once they reach the
   * budget: the day was finished, and the persona waits for the next UTC day).
   */
  spent(personaId: string, usage: { tokens: number; costUsd: number }): void {
    const budget = this.#budget;
    if (!budget) return;
    const tokensBefore = this.#tokensToday.get(personaId) ?? 0;
    const tokens = tokensBefore + usage.tokens;
    this.#tokensToday.set(personaId, tokens);
    const limit = budget.personaDailyTokens;
    if (limit !== undefined && tokensBefore < limit && tokens >= limit) {
      this.#metrics.budgetStop('persona_tokens');
      this.#log.info(
        { personaId, tokensToday: tokens, budgetTokens: limit },
        'persona reached its daily token budget with this day (the day was finished); no more days for it until the next UTC day',
      );
    }
    this.#spentUsd += usage.costUsd;
    this.#metrics.budget({ spentUsd: this.#spentUsd, costCapReached: this.#overCap() });
    if (this.#overCap()) this.#stopForCap();
  }

  /** Stops renewing and releases every persona still held. Never throws. */
  async end(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#queue.length = 0;
    await this.#release([...this.#held.keys()]);
  }

  /** One claim sized for the lanes waiting (counted after the ones starting with it). */
  async #claimForWaiting(batch: number, room: number): Promise<void> {
    await Promise.resolve();
    const wanted = Math.max(this.#waiting, Math.ceil(batch / 4));
    await this.#claim(Math.min(batch, room, wanted));
  }

  async #claim(limit: number): Promise<void> {
    if (this.#storing.size > 0) await Promise.allSettled([...this.#storing]);
    const answer = await this.#api.claim(this.#runnerId, limit, this.#leaseSeconds, this.#budget);
    if (answer.budget) this.#saw(answer.budget);
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

  #saw(state: BudgetState): void {
    this.#spentUsd = state.spentUsd;
    for (const [id, tokens] of Object.entries(state.tokensToday)) this.#tokensToday.set(id, tokens);
    this.#metrics.budget(state);
    if (state.costCapReached) this.#stopForCap();
  }

  #overCap(): boolean {
    const cap = this.#budget?.dailyCostUsd;
    return cap !== undefined && this.#spentUsd >= cap;
  }

  #stopForCap(): void {
    if (this.#capReached) return;
    this.#capReached = true;
    this.#metrics.budgetStop('daily_cost');
    this.#log.warn(
      {
        spentTodayUsd: Number(this.#spentUsd.toFixed(6)),
        capUsd: this.#budget?.dailyCostUsd,
        notStarted: this.#queue.length,
      },
      'daily cost cap reached: starting no more persona-days until the next UTC day (the personas not started stay due)',
    );
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
        if (this.#storingDays.has(id)) continue; // its day's write gave the claim back
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
