import {
  HEADERS,
  loginAnswerSchema,
  mySpacesAnswerSchema,
  type SpaceSummary,
} from '@mana/contracts';
import { derivePersonaPassword } from '@mana/personas';
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
 * Logs personas in the way any client would (email + derived password → JWT) and reads
 * their spaces. Tokens are cached per email until a minute before they expire, so a
 * persona lived every day logs in once per token lifetime, not once per day (a login
 * costs a scrypt hash, ≈ 0.15 s of CPU).
 */
export class IdentityClient {
  readonly #base: string;
  readonly #secret: string;
  readonly #serviceKey: string | undefined;
  readonly #retry: RetryPolicy;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #tokens = new Map<string, { token: string; userId: string; expiresAt: number }>();

  constructor(options: IdentityClientOptions) {
    if (!options.seedSecret) throw new Error('IdentityClient needs the persona seed secret');
    this.#base = options.authUrl.replace(/\/+$/, '');
    this.#secret = options.seedSecret;
    this.#serviceKey = options.serviceKey;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#fetch = options.fetch ?? fetch;
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
  async session(email: string): Promise<{ token: string; userId: string; spaces: PersonaSpace[] }> {
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

  /** Forgets a cached token (after the gateway refused it). */
  forget(email: string): void {
    this.#tokens.delete(email);
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
