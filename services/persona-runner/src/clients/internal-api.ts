import {
  type ActionRow,
  type BatchAnswer,
  batchAnswerSchema,
  type ClaimAnswer,
  type ClaimBudget,
  type CoverageAnswer,
  claimAnswerSchema,
  claimsAnswerSchema,
  coverageAnswerSchema,
  type DayBody,
  type DeadLetter,
  type DueAnswer,
  dayAnswerSchema,
  dueAnswerSchema,
  type FeedbackRow,
  HEADERS,
  MAX_ACTIONS_PER_BATCH,
  MAX_FEEDBACK_PER_BATCH,
  type TickRecord,
} from '@mana/contracts';
import { lightFetch } from './light-fetch';
import { DEFAULT_RETRY, RetryableError, type RetryPolicy, withRetry } from './retry';

/** A refused request (4xx other than 408 and 429): retrying will not help. */
export class InternalApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'InternalApiError';
  }
}

/** What {@link InternalApiClient} needs. */
export interface InternalApiOptions {
  authUrl: string;
  serviceKey: string;
  retry?: RetryPolicy | undefined;
  fetch?: typeof fetch | undefined;
}

/**
 * The runner's client of the identity service's internal persona API (`X-Service-Key`).
 * Every write is idempotent by its ids, so every call is retried with back-off on
 * network errors, 5xx and 429; a batch over the server's limit is split.
 */
export class InternalApiClient {
  readonly #base: string;
  readonly #key: string;
  readonly #retry: RetryPolicy;
  readonly #fetch: typeof fetch;

  constructor(options: InternalApiOptions) {
    if (!options.serviceKey) throw new Error('InternalApiClient needs a non-empty service key');
    this.#base = `${options.authUrl.replace(/\/+$/, '')}/api/v1/internal`;
    this.#key = options.serviceKey;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#fetch = options.fetch ?? lightFetch;
  }

  /** The personas due now, in the order to run them. */
  async due(limit?: number): Promise<DueAnswer> {
    const body = await this.#request('GET', `/personas/due${limit ? `?limit=${limit}` : ''}`);
    return dueAnswerSchema.parse(body);
  }

  /**
   * Claims up to `limit` due personas for this runner with a lease of `leaseSeconds`,
   * within the daily `budget` when it sets a limit (the answer then says today's spend).
   */
  async claim(
    runnerId: string,
    limit: number,
    leaseSeconds: number,
    budget?: ClaimBudget,
  ): Promise<ClaimAnswer> {
    const limited = budget && Object.keys(budget).length > 0;
    const body = await this.#request('POST', '/personas/claim', {
      runnerId,
      limit,
      leaseSeconds,
      ...(limited ? { budget } : {}),
    });
    return claimAnswerSchema.parse(body);
  }

  /** Extends this runner's leases; returns the ids it still holds (the rest are lost). */
  async renewClaims(
    runnerId: string,
    personaIds: readonly string[],
    leaseSeconds: number,
  ): Promise<string[]> {
    const body = await this.#request(
      'POST',
      '/personas/claims/renew',
      { runnerId, personaIds, leaseSeconds },
      NO_RETRY,
    );
    return claimsAnswerSchema.parse(body).personaIds;
  }

  /** Gives this runner's claims on these personas back. */
  async releaseClaims(runnerId: string, personaIds: readonly string[]): Promise<string[]> {
    const body = await this.#request('POST', '/personas/claims/release', { runnerId, personaIds });
    return claimsAnswerSchema.parse(body).personaIds;
  }

  /** Keeps a write refused for good as a dead letter (stored once however often sent). */
  async postDeadLetter(personaId: string, letter: DeadLetter): Promise<void> {
    await this.#request('POST', `/personas/${encodeURIComponent(personaId)}/dead-letters`, letter);
  }

  /**
   * How often each tool was called over the last `days` days. Asked once, without
   * retries: plans can do without it, a tick should not wait for it.
   */
  async coverage(days = 7): Promise<CoverageAnswer> {
    const body = await this.#request('GET', `/coverage?days=${days}`, undefined, NO_RETRY);
    return coverageAnswerSchema.parse(body);
  }

  /** Stores actions (in batches of 500); returns how many were new. */
  async postActions(personaId: string, rows: readonly ActionRow[]): Promise<BatchAnswer> {
    return this.#batches(
      `/personas/${encodeURIComponent(personaId)}/actions`,
      'actions',
      rows,
      MAX_ACTIONS_PER_BATCH,
    );
  }

  /** Stores ratings (in batches of 100). */
  async postFeedback(personaId: string, rows: readonly FeedbackRow[]): Promise<BatchAnswer> {
    return this.#batches(
      `/personas/${encodeURIComponent(personaId)}/feedback`,
      'feedback',
      rows,
      MAX_FEEDBACK_PER_BATCH,
    );
  }

  /**
   * Stores a finished day (its final tick record, actions and ratings) in one request
   * and one transaction. A day past a batch limit goes as the separate writes instead
   * (batched, then the record): the same rows, stored in the same order, and its claim is
   * not given back with it. Answers whether the claim was given back (`day.release`).
   */
  async putDay(personaId: string, tickId: string, day: DayBody): Promise<boolean> {
    if (
      day.actions.length > MAX_ACTIONS_PER_BATCH ||
      day.feedback.length > MAX_FEEDBACK_PER_BATCH
    ) {
      await this.postActions(personaId, day.actions);
      await this.postFeedback(personaId, day.feedback);
      await this.putTick(personaId, tickId, day.record);
      return false;
    }
    const answer = dayAnswerSchema.parse(
      await this.#request(
        'PUT',
        `/personas/${encodeURIComponent(personaId)}/days/${encodeURIComponent(tickId)}`,
        day,
      ),
    );
    return answer.released;
  }

  /** Creates or replaces the tick record. */
  async putTick(personaId: string, tickId: string, record: TickRecord): Promise<void> {
    await this.#request(
      'PUT',
      `/personas/${encodeURIComponent(personaId)}/ticks/${encodeURIComponent(tickId)}`,
      record,
    );
  }

  async #batches(path: string, key: string, rows: readonly unknown[], size: number) {
    const total = { inserted: 0, duplicates: 0 };
    for (let i = 0; i < rows.length; i += size) {
      const answer = batchAnswerSchema.parse(
        await this.#request('POST', path, { [key]: rows.slice(i, i + size) }),
      );
      total.inserted += answer.inserted;
      total.duplicates += answer.duplicates;
    }
    return total;
  }

  #request(
    method: string,
    path: string,
    body?: unknown,
    retry: RetryPolicy = this.#retry,
  ): Promise<unknown> {
    return withRetry(async () => {
      let response: Response;
      try {
        response = await this.#fetch(`${this.#base}${path}`, {
          method,
          headers: {
            [HEADERS.serviceKey]: this.#key,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new RetryableError(`${method} ${path}: ${describe(cause)}`, { cause });
      }
      const text = await response.text();
      if (response.status >= 500 || response.status === 429 || response.status === 408) {
        throw new RetryableError(
          `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
        );
      }
      if (!response.ok)
        throw new InternalApiError(
          `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
          response.status,
        );
      return text ? (JSON.parse(text) as unknown) : undefined;
    }, retry);
  }
}

const NO_RETRY: RetryPolicy = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}
