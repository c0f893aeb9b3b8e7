import { type Database, rateLimits } from '@mana/db';
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';

/** How often expired counters are swept, at most (they are ignored until then). */
const SWEEP_INTERVAL_MS = 60 * 60_000;

/** How many failed logins are let through before the limiter answers 429. */
export interface LoginLimitSettings {
  /** Failed logins of one account (email) per window (`LOGIN_MAX_FAILURES_PER_ACCOUNT`). */
  maxFailuresPerAccount: number;
  /** Failed logins from one client address per window (`LOGIN_MAX_FAILURES_PER_ADDRESS`). */
  maxFailuresPerAddress: number;
  /** Length of the counting window in seconds (`LOGIN_LIMIT_WINDOW_SECONDS`). */
  windowSeconds: number;
  /** How long a key that went over its budget is refused, in seconds (`LOGIN_BLOCK_SECONDS`). */
  blockSeconds: number;
  /**
   * Password hashes (logins, new accounts) run at once; more wait their turn
   * (`LOGIN_MAX_CONCURRENT_HASHES`; default every core but one).
   */
  maxConcurrentHashes?: number | undefined;
}

/** The defaults: 10 wrong passwords per account, 100 per address, per 15 minutes. */
export const DEFAULT_LOGIN_LIMITS: LoginLimitSettings = {
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 100,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};

/**
 * Who is logging in: the account's email and the client's address. No address: a
 * trusted caller (the persona runner, presenting the service key), charged per account
 * only.
 */
export interface LoginKeys {
  email: string;
  address?: string | undefined;
}

/** The login limiter: ask before checking a password, report how it went afterwards. */
export interface LoginLimiter {
  /**
   * Charges one attempt to the address and then to the account. Returns the seconds to
   * wait when either is over its budget (the password must then not be checked).
   */
  admit(keys: LoginKeys): Promise<{ retryAfterSeconds: number } | undefined>;
  /** A correct password: the account's count starts over and the address gets its point back. */
  succeeded(keys: LoginKeys): Promise<void>;
  /** The attempt failed for a reason other than the password (a 5xx): both points back. */
  refund(keys: LoginKeys): Promise<void>;
}

/**
 * Limits password logins with `rate-limiter-flexible`, its counters kept in the
 * `auth.rate_limits` table through its Drizzle store: the same atomic upsert on embedded
 * PGlite and on a PostgreSQL server, so every replica of the identity service shares
 * one budget per account and per address. Every attempt is charged before the password
 * is hashed; a success gives the point back, so only failures add up.
 */
export function createLoginLimiter(db: Database, settings: LoginLimitSettings): LoginLimiter {
  const limiter = (prefix: string, points: number) =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: prefix,
      points,
      duration: settings.windowSeconds,
      blockDuration: settings.blockSeconds,
      // The store's own sweep is a timer that outlives the database it was given (it
      // fired on a closed PGlite after every simulation); the limiter sweeps instead.
      clearExpiredByTimeout: false,
    });
  const byAddress = limiter('login-address', settings.maxFailuresPerAddress);
  const byAccount = limiter('login-account', settings.maxFailuresPerAccount);
  const account = (keys: LoginKeys) => keys.email.trim().toLowerCase();
  let lastSweep = 0;
  /** Deletes counters whose window or block ended, at most once per interval. */
  const sweep = async () => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = now;
    await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(now)));
  };

  return {
    async admit(keys) {
      await sweep();
      try {
        if (keys.address !== undefined) await byAddress.consume(keys.address);
        await byAccount.consume(account(keys));
        return undefined;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
    async succeeded(keys) {
      await byAccount.delete(account(keys));
      if (keys.address !== undefined) await byAddress.reward(keys.address, 1);
    },
    async refund(keys) {
      await byAccount.reward(account(keys), 1);
      if (keys.address !== undefined) await byAddress.reward(keys.address, 1);
    },
  };
}
