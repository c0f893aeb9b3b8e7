import {
  HEADERS,
  loginAnswerSchema,
  mySpacesAnswerSchema,
  type SpaceSummary,
} from '@mana/contracts';
import { derivePersonaPassword } from '@mana/personas';
import type { DayPersona } from '../target/persona-authenticator';
import { lightFetch } from './light-fetch';
import { DEFAULT_RETRY, RetryableError, type RetryPolicy, withRetry } from './retry';

/** A space of the persona. */
export type PersonaSpace = SpaceSummary;

/** A login that failed for a reason retrying will not fix (wrong password, deleted account). */
export class LoginError extends Error {
  /** The identity service's HTTP status (401: no account signs in with these credentials). */
  readonly status: number | undefined;

  constructor(message: string, status?: number) {
    super(message);
    this.name = 'LoginError';
    this.status = status;
  }
}

/** What {@link IdentityClient} needs. */
export interface IdentityClientOptions {
  authUrl: string;
  /** Persona passwords derive from it (the same secret the seed used). */
  seedSecret: string;
  /**
   * Sent with each login (`X-Service-Key`), so the identity service charges the runner's
   * logins to their accounts, not to its one address: a runner starting a hundred days
   * at once would otherwise spend the address's failure budget on logins in flight.
   */
  serviceKey?: string | undefined;
  retry?: RetryPolicy | undefined;
  fetch?: typeof fetch | undefined;
  /** Real time: token expiry is real even when the runner's clock is simulated. */
  now?: () => number;
}

/**
 * Opens personas' accounts for their days. With the service key, a day's token is minted
 * by the identity service (`POST /api/v1/internal/personas/:id/token`: one signature, no
 * password, no scrypt hash) and its spaces come with the claim; without it, or by
 * email ({@link passwordSession}), the persona logs in the way any client would (email + derived
 * password → JWT; a scrypt hash, ≈ 86 ms of CPU) and reads its spaces. Tokens are cached
 * until a minute before they expire, so a persona lived every day gets one per token
 * lifetime, not one per day.
 */
export class IdentityClient {
  readonly #base: string;
  readonly #secret: string;
  readonly #serviceKey: string | undefined;
  readonly #retry: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #tokens = new Map<string, { token: string; userId: string; expiresAt: number }>();
  /** Minted tokens by persona id (a reseeded database gives the same email a new id). */
  readonly #minted = new Map<string, { token: string; userId: string; expiresAt: number }>();

  constructor(options: IdentityClientOptions) {
    if (!options.seedSecret) throw new Error('IdentityClient needs the persona seed secret');
    this.#base = options.authUrl.replace(/\/+$/, '');
    this.#secret = options.seedSecret;
    this.#serviceKey = options.serviceKey;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#fetch = options.fetch ?? lightFetch;
    this.#now = options.now ?? Date.now;
  }

  /** A valid access token for the persona, from the cache or a fresh login. */
  async login(email: string): Promise<{ token: string; userId: string }> {
    const cached = this.#tokens.get(email);
    if (cached && cached.expiresAt - 60_000 > this.#now()) return cached;
    const body = loginAnswerSchema.parse(
      await this.#call(
        'POST',
        '/api/v1/auth/login',
        undefined,
        { email, password: derivePersonaPassword(this.#secret, email) },
        this.#serviceKey ? { [HEADERS.serviceKey]: this.#serviceKey } : {},
      ),
    );
    const entry = {
      token: body.accessToken,
      userId: body.user.id,
      expiresAt: Date.parse(body.expiresAt),
    };
    this.#tokens.set(email, entry);
    return entry;
  }

  /**
   * The persona's token and spaces for a day. The cached token is reused across days until
   * a minute before it expires; when the identity service refuses it anyway (401: a
   * rotated key, a restarted service with new keys) it is forgotten, the persona logs in
   * once again and the spaces are read with the new token.
   */
  async passwordSession(
    email: string,
  ): Promise<{ token: string; userId: string; spaces: PersonaSpace[] }> {
    const cached = this.#tokens.has(email);
    let login = await this.login(email);
    try {
      return { ...login, spaces: await this.spaces(login.token) };
    } catch (error) {
      if (!cached || !(error instanceof LoginError) || error.status !== 401) throw error;
      this.forget(email);
      login = await this.login(email);
      return { ...login, spaces: await this.spaces(login.token) };
    }
  }

  /**
   * The token and spaces of a claimed persona's day. With the service key the token is
   * minted (or reused) by persona id, and the spaces are the claim's when it carried
   * them; otherwise it is {@link passwordSession} by email.
   */
  async session(
    persona: DayPersona,
  ): Promise<{ token: string; userId: string; spaces: PersonaSpace[] }> {
    if (!this.#serviceKey) return this.passwordSession(persona.email);
    const { token, userId } = await this.#mint(persona.userId);
    return { token, userId, spaces: persona.spaces ?? (await this.spaces(token)) };
  }

  /**
   * Forgets a persona's cached tokens (after a day of it failed: a token the gateway no
   * longer takes is not used again; the next day gets a fresh one).
   */
  forget(persona: string | DayPersona): void {
    if (typeof persona === 'string') {
      this.#tokens.delete(persona);
      return;
    }
    this.#tokens.delete(persona.email);
    this.#minted.delete(persona.userId);
  }

  async #mint(userId: string): Promise<{ token: string; userId: string }> {
    const cached = this.#minted.get(userId);
    if (cached && cached.expiresAt - 60_000 > this.#now()) return cached;
    const body = loginAnswerSchema.parse(
      await this.#call(
        'POST',
        `/api/v1/internal/personas/${encodeURIComponent(userId)}/token`,
        undefined,
        undefined,
        this.#serviceKey ? { [HEADERS.serviceKey]: this.#serviceKey } : {},
      ),
    );
    const entry = { token: body.accessToken, userId, expiresAt: Date.parse(body.expiresAt) };
    this.#minted.set(userId, entry);
    return entry;
  }

  /** The persona's spaces. */
  async spaces(token: string): Promise<PersonaSpace[]> {
    return mySpacesAnswerSchema.parse(await this.#call('GET', '/api/v1/me/spaces', token)).spaces;
  }

  #call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<unknown> {
    return withRetry(async () => {
      let response: Response;
      try {
        response = await this.#fetch(`${this.#base}${path}`, {
          method,
          headers: {
            ...extraHeaders,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new RetryableError(
          `${method} ${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
          { cause },
        );
      }
      const text = await response.text();
      if (response.status >= 500 || response.status === 429) {
        throw new RetryableError(`${method} ${path} answered ${response.status}`);
      }
      if (!response.ok)
        throw new LoginError(
          `${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`,
          response.status,
        );
      return JSON.parse(text) as unknown;
    }, this.#retry);
  }
}
